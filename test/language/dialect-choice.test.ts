/**
 * Choosing a script's dialect (the `# minimega: X` first line) and the
 * cross-dialect error for lines that only the other dialect accepts.
 */
import { describe, expect, it } from 'vitest';
import {
  Codes,
  createLanguageService,
  DialectServices,
  dialect23,
  dialect31,
  dialectOfScript,
  directiveLine,
  readDialectDirective,
} from '../../language/index.js';

describe('the dialect directive', () => {
  it('is read from the first line, with or without spaces, after a BOM', () => {
    for (const text of ['# minimega: 3.1\nvm top\n', '#minimega:3.1', '\ufeff  #  minimega:\t3.1  \r\nvm info', '# minimega: 3.1 \n']) {
      expect(readDialectDirective(text)?.dialect, JSON.stringify(text)).toBe(dialect31);
    }
    expect(readDialectDirective('# minimega: 2.3\n')?.dialect).toBe(dialect23);
  });

  it('gives the range of the version written', () => {
    expect(readDialectDirective('# minimega: 3.1\n')?.range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 15 } });
  });

  it('is nothing elsewhere, in other words, or when too long to be one', () => {
    for (const text of [
      'vm info\n# minimega: 3.1\n',
      '# minimega 3.1\n',
      '# minimega: 3.1 extra\n',
      '# MINIMEGA: 3.1',
      `# minimega: 3.1${' '.repeat(300)}\n`,
      '',
    ]) {
      expect(readDialectDirective(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('names unknown versions without a dialect, and the script then falls back', () => {
    expect(readDialectDirective('# minimega: 2.2\n')).toMatchObject({ version: '2.2', dialect: undefined });
    expect(dialectOfScript('# minimega: 2.2\n')).toBe(dialect23);
    expect(dialectOfScript('# minimega: 2.2\n', dialect31)).toBe(dialect31);
    expect(dialectOfScript('vm info\n', dialect31)).toBe(dialect31);
    expect(dialectOfScript('# minimega: 3.1\n', dialect23)).toBe(dialect31);
  });

  it('with an unknown version gets a script warning on the version, in either dialect', () => {
    for (const d of [dialect23, dialect31]) {
      const language = createLanguageService(d);
      expect(language.checkScript(language.parseScript('# minimega: 2.2\nvm info\n').script)).toEqual([
        {
          code: Codes.unknownDialect,
          severity: 'warning',
          message: 'unknown minimega version `2.2` (mm knows 2.3 and 3.1): the directive is ignored',
          range: { start: { line: 0, character: 12 }, end: { line: 0, character: 15 } },
        },
      ]);
      expect(language.checkScript(language.parseScript('# minimega: 3.1\n').script)).toEqual([]);
    }
  });

  it('is written as a comment both dialects accept', () => {
    for (const d of [dialect23, dialect31]) {
      const line = directiveLine(d);
      expect(readDialectDirective(line)?.dialect).toBe(d);
      for (const other of [dialect23, dialect31]) expect(createLanguageService(other).parseScript(line).script.lines[0]!.status).toBe('comment');
    }
  });
});

describe('the cross-dialect error', () => {
  it('tells a 2.3 script that a line is a minimega 3.1 command, with the directive as data', () => {
    const { diagnostics } = createLanguageService(dialect23).parseScript('vm info\nvm top\n');
    expect(diagnostics).toEqual([
      {
        code: Codes.otherDialect,
        severity: 'error',
        message: 'invalid command: `vm top` (`vm top` is a minimega 3.1 command; this file is checked as 2.3)',
        range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } },
        data: { minicli: 'invalid command: `vm top`', dialect: '3.1', directive: '# minimega: 3.1' },
      },
    ]);
  });

  it('tells a 3.1 script that a line is a minimega 2.3 command', () => {
    const { diagnostics } = createLanguageService(dialect31).parseScript('nsmod add-host a\n');
    expect(diagnostics.map((d) => [d.code, d.message, d.data?.dialect])).toEqual([
      [Codes.otherDialect, 'invalid command: `nsmod add-host a` (`nsmod` is a minimega 2.3 command; this file is checked as 3.1)', '2.3'],
    ]);
  });

  it("names the form when the file's dialect has the command, and leaves ambiguous abbreviations alone", () => {
    const messages = (d: typeof dialect23, text: string) =>
      createLanguageService(d)
        .parseScript(text)
        .diagnostics.map((x) => [x.code, x.message]);
    expect(messages(dialect23, 'tap mirror a b\n')).toEqual([
      [
        Codes.otherDialect,
        'invalid command: `tap mirror a b` (valid in minimega 3.1 as `tap <mirror,> <src name> <dst name> [bridge]`; this file is checked as 2.3)',
      ],
    ]);
    // 2.3 reads `cc c` as `cc clients`; 3.1 finds two commands it may abbreviate.
    expect(messages(dialect31, 'cc c\n')).toEqual([[Codes.ambiguousCommand, 'invalid command: `cc c` (`cc c` could be `cc <clients,>` or `cc <commands,>`)']]);
  });

  it('is not given for lines no dialect accepts, nor for lexing errors', () => {
    const { diagnostics } = createLanguageService(dialect23).parseScript('vm topp\necho "a\n');
    expect(diagnostics.map((d) => d.code)).toEqual([Codes.badArguments, Codes.lexMissingTerminal]);
  });
});

describe('aliases in a 3.1 file', () => {
  it('leave the line invalid, with a warning that minimega 3.1 expands them only at its prompt and socket', () => {
    const { script, diagnostics } = createLanguageService(dialect31).parseScript('.alias vmr=vm info\nvmr\nvmrx\n');
    expect(script.lines.map((l) => l.error)).toEqual(['', 'invalid command: `vmr`', 'invalid command: `vmrx`']);
    expect(diagnostics.map((d) => [d.range.start.line, d.severity, d.code, d.message])).toEqual([
      [
        1,
        'warning',
        Codes.aliasInFile,
        'invalid command: `vmr` when the file is read (minimega 3.1 expands the alias `vmr` only at its prompt and on its socket)',
      ],
      [2, 'error', Codes.unknownCommand, 'invalid command: `vmrx` (did you mean `vm`? no command starts with `vmrx`)'],
    ]);
  });

  it('expand in a 2.3 file as before', () => {
    expect(createLanguageService(dialect23).parseScript('.alias vmr=vm info\nvmr\n').diagnostics).toEqual([]);
  });
});

describe('vlans range', () => {
  it('warns when max is not above min, in minimega words, in both dialects', () => {
    for (const d of [dialect23, dialect31]) {
      const { diagnostics } = createLanguageService(d).parseScript('vlans range 130 120\nvlans range 120 120\nvlans range 120 130\n');
      expect(diagnostics.map((x) => [x.range.start.line, x.code, x.message])).toEqual([
        [0, Codes.valueRange, 'expected min > max'],
        [1, Codes.valueRange, 'expected min > max'],
      ]);
    }
  });
});

describe('script checks by dialect', () => {
  it("replay 2.3's namespace model in 2.3 files only", () => {
    const text = 'vm launch\nnsmod add-host a\nvm launch kvm a\nvm launch kvm a\n';
    const codes = (d: typeof dialect23) => {
      const language = createLanguageService(d);
      return language.checkScript(language.parseScript(text).script).map((x) => x.code);
    };
    expect(codes(dialect23)).toEqual([Codes.launchWithoutQueue, Codes.nsmodWithoutNamespace, Codes.duplicateLaunch]);
    expect(codes(dialect31)).toEqual([Codes.duplicateLaunch]);
  });
});

describe("completion and signatures follow the service's dialect", () => {
  it('offers 3.1 commands in 3.1 only', () => {
    const labels = (d: typeof dialect23, text: string) =>
      createLanguageService(d)
        .complete(text, text.length)
        .candidates.map((c) => c.label);
    expect(labels(dialect31, 'vm t')).toContain('top');
    expect(labels(dialect23, 'vm t')).not.toContain('top');
    expect(labels(dialect31, 'ns')).toContain('ns');
    expect(labels(dialect23, 'nsm')).toContain('nsmod');
    expect(labels(dialect31, 'nsm')).not.toContain('nsmod');
  });

  it('gives 3.1 patterns as signatures in 3.1', () => {
    const patterns = createLanguageService(dialect31)
      .signaturesAt('vm top ', 7)
      .map((s) => s.pattern.text);
    expect(patterns).toContain('vm top [duration]');
  });
});

describe('DialectServices', () => {
  it("keeps one service per dialect and picks a script's by its directive, else the fallback", () => {
    const services = new DialectServices();
    expect(services.of(dialect31)).toBe(services.of(dialect31));
    expect(services.forScript('# minimega: 3.1\n').dialect).toBe(dialect31);
    expect(services.forScript('vm info\n').dialect).toBe(dialect23);
    expect(services.forScript('vm info\n', dialect31)).toBe(services.of(dialect31));
  });
});
