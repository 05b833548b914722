/**
 * Bad input of every kind gives diagnostics, never an exception, and every
 * range stays inside the input: binary bytes, NUL, 1 MB lines, unterminated
 * quotes, CRLF, lone CR, tabs, BOM, lone surrogates, astral characters.
 */
import { describe, expect, it } from 'vitest';
import { Codes } from '../../language/codes.js';
import { lexProblems, scannerLines, scriptProblems } from '../helpers/script-invariants.js';
import { createLanguageService, lexScript } from '../../language/index.js';

const { compileLine, parseScript } = createLanguageService();

/**
 * Parses and asserts every invariant; small inputs also go through lexScript,
 * parseScript without value checks and compileLine on each line.
 */
function parseChecked(text: string): ReturnType<typeof parseScript> {
  const small = text.length < 100_000;
  if (small) {
    expect(lexProblems(text, lexScript(text))).toEqual([]);
    parseScript(text, { valueChecks: false });
  }
  const r = parseScript(text);
  expect(scriptProblems(text, r.script, r.diagnostics)).toEqual([]);
  for (const [i, line] of scannerLines(text).entries()) {
    if (!small) break;
    const c = compileLine(line, i);
    if (c.kind === 'noMatch' || c.kind === 'lexError') {
      expect(c.range.start.line).toBe(i);
      expect(c.range.end.character).toBeLessThanOrEqual(line.length);
    }
  }
  return r;
}

const errors = (text: string): string[] => parseChecked(text).script.lines.map((l) => l.error);

describe('bad input never throws and keeps ranges inside the input', () => {
  it('binary bytes, decoded as UTF-8 and as Latin-1', () => {
    let seed = 7;
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
      const { script, diagnostics } = parseChecked(text);
      expect(script.lines.length).toBeGreaterThan(100);
      expect(diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('NUL and other control characters are ordinary characters of a word', () => {
    expect(errors('vm\u0000info\necho a\u0001b\n')).toEqual(['invalid command: `vm\u0000info`', '']);
    const { script } = parseChecked('echo \u0000 \u007f');
    expect(script.lines[0]!.command?.args.list.args).toEqual(['\u0000', '\u007f']);
  });

  it('1 MB lines give the line-too-long error, on their line only', () => {
    const mb = 'x'.repeat(1 << 20);
    const kb100 = 100 * 1024;
    // One long word, an unterminated quote, one word of 512 Ki escapes, many words.
    for (const long of [`echo ${mb}`, `"${mb}`, `${'\\'.repeat(1 << 20)}`, `vm config net ${'a '.repeat(kb100)}`]) {
      const { script, diagnostics } = parseChecked(`vm info\n${long}\n\techo ok\r\n`);
      expect(script.lines.map((l) => l.status)).toEqual(['command', 'error', 'command']);
      expect(diagnostics).toEqual([
        {
          code: Codes.lineTooLong,
          severity: 'error',
          message: 'bufio.Scanner: token too long',
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: long.length } },
        },
      ]);
    }
    // A 1 MB file without any line break, and a line of 60 KiB (under the limit) of words.
    expect(errors(mb)).toEqual(['bufio.Scanner: token too long']);
    const words = `vm config net ${'a '.repeat(30_000)}`;
    expect(parseChecked(words).script.lines[0]!.command?.args.list.netspec?.length).toBe(30_000);
  });

  it('unterminated quotes and dangling escapes, with the range of the problem', () => {
    const { diagnostics } = parseChecked('echo "abc\necho \'x\necho x\\\necho \\q\n');
    // minicli's text (the spec's) is in `data.minicli` and starts the message; a plain-words hint follows.
    expect(diagnostics.every((d) => d.message.startsWith(`${(d.data as { minicli: string }).minicli} (`))).toBe(true);
    expect(
      diagnostics.map((d) => [(d.data as { minicli: string }).minicli, d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
    ).toEqual([
      ['missing terminal "', Codes.lexMissingTerminal, 0, 5, 9],
      ["missing terminal '", Codes.lexMissingTerminal, 1, 5, 7],
      ['expected escape character', Codes.lexMissingEscape, 2, 6, 7],
      ['unexpected escaped character: q', Codes.lexBadEscape, 3, 5, 7],
    ]);
  });

  it('CRLF line ends read like LF, a lone CR is white space', () => {
    const crlf = parseChecked('vm info\r\n.columns name vm info\r\n');
    const lf = parseChecked('vm info\n.columns name vm info\n');
    expect(crlf.script.lines.map((l) => [l.text, l.command?.pattern])).toEqual(lf.script.lines.map((l) => [l.text, l.command?.pattern]));
    expect(parseChecked('vm\rinfo\r').script.lines.map((l) => l.command?.pattern)).toEqual(['vm info [summary,]']);
    expect(parseChecked('\r\r\r').script.lines.map((l) => [l.text, l.status])).toEqual([['\r\r', 'empty']]);
  });

  it('tabs and other Go white space separate words', () => {
    const { script } = parseChecked('\tvm\tconfig\u00a0net\u3000a\u2028b\u0085\n');
    expect(script.lines[0]!.command?.args.list.netspec).toEqual(['a', 'b']);
  });

  it('a BOM is not white space for minicli: it sticks to the first word', () => {
    // (`mm check` and `mm parse` drop a BOM at the start of a file before parsing.)
    expect(errors('\ufeffvm info')).toEqual(['invalid command: `\ufeffvm info`']);
    expect(parseChecked('echo \ufeff').script.lines[0]!.command?.args.list.args).toEqual(['\ufeff']);
  });

  it('lone surrogates, alone, quoted, escaped and nested', () => {
    const { script } = parseChecked('\ud800\necho \udc00 "\ud800"\n\\\ud800\n.columns a echo "\ud800 x"\n');
    expect(script.lines.map((l) => l.status)).toEqual(['error', 'command', 'error', 'error']);
    expect(script.lines[1]!.command?.args.list.args).toEqual(['\udc00', '\ud800']);
    expect(script.lines[2]!.error).toBe('unexpected escaped character: \ud800');
  });

  it('astral characters count as two UTF-16 units in ranges and as one code point for minicli', () => {
    const { script, diagnostics } = parseChecked('echo 😀 "🦀 x"\n😀 vm\n.columns 🦀 "\\😀"\n');
    expect(script.lines[0]!.command?.args.list.args).toEqual(['😀', '🦀 x']);
    expect(script.lines[0]!.words[1]!.range).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 7 } });
    expect(diagnostics.map((d) => [d.data?.minicli ?? d.message, d.range.start.line, d.range.start.character, d.range.end.character])).toEqual([
      ['invalid command: `😀 vm`', 1, 0, 2],
      ['unexpected escaped character: 😀', 2, 13, 16],
    ]);
  });

  it('deeply nested commands and self-referencing aliases stop without a stack overflow', () => {
    const deep = '.csv true '.repeat(1000) + 'vm info';
    const { script } = parseChecked(deep);
    expect(script.lines[0]!.status).toBe('error');
    const r = parseChecked('.alias x=.csv true x\nx\n');
    expect(r.script.lines[1]!.status).toBe('error');
  });

  it('an empty script and a script of separators', () => {
    expect(parseChecked('').script.lines).toEqual([]);
    expect(errors('\n\n\n')).toEqual(['', '', '']);
    expect(errors('#\n"#"\n\\#\n')).toEqual(['', 'invalid command: `"#"`', 'invalid command: `\\#`']);
  });
});
