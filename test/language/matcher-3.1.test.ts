/**
 * minicli 3.1's matching, on the examples of ../shared/spec/minicli-3.1.md
 * (facts restated here from that note): the real 3.1 registry, and small
 * made-up registries for the rules the real one never exercises.
 */
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../language/catalog/index.js';
import type { HandlerSpec } from '../../language/catalog/types.js';
import { Compiler31, expandAliases31 } from '../../language/compile-3.1.js';
import type { CompileResult } from '../../language/compile-result.js';
import { createLanguageService, describeLine, dialect31 } from '../../language/index.js';

const language = createLanguageService(dialect31);

function view(text: string) {
  const { script } = language.parseScript(text, { valueChecks: false });
  return describeLine(script.lines[0]!);
}

function synthetic(...patterns: string[][]): Compiler31 {
  const specs: HandlerSpec[] = patterns.map((p, i) => ({ id: `h${i}`, group: 'test', category: 'local', patterns: p, summary: 'test', doc: 'test', args: {} }));
  return new Compiler31(compileCatalog(specs));
}

function pattern(r: CompileResult): string {
  return r.kind === 'command' ? r.command.pattern : r.kind;
}

describe('3.1 matching on the real registry', () => {
  it.each([
    ['clear vm config init', 'clear vm config <init,>'],
    ['v config qemu', 'vm config qemu [value]'],
    ['q', 'quit [delay]'],
    ['h n', 'help [command]...'],
    ['.column name vm info', '.columns <columns as csv> (command)'],
  ])('%s matches %s', (line, want) => {
    expect(view(line)).toMatchObject({ ok: true, pattern: want });
  });

  it('an abbreviation that fits two branches, neither exactly, matches nothing', () => {
    for (const line of ['cc c', 'h', 'v', 'vm', '""']) expect(view(line)).toMatchObject({ ok: false, error: `invalid command: \`${line}\`` });
  });

  it('drops a branch that is ambiguous deeper down (`h n` is `help n`)', () => {
    expect(view('h n').args.list).toEqual({ command: ['n'] });
  });
});

describe('3.1 nested commands are matched from the words', () => {
  it('keeps empty, quoted and white-space words as they are, and writes Original with Go quoting', () => {
    const empty = view(".columns name echo '' x");
    expect(empty.subcommand).toMatchObject({ pattern: 'echo [args]...', original: 'echo  x', args: { list: { args: ['', 'x'] } } });
    expect(view('.columns name echo "x#y" z').subcommand?.args.list).toEqual({ args: ['x#y', 'z'] });
    expect(view(`.columns name echo 'a"b'`).subcommand?.args.list).toEqual({ args: ['a"b'] });
    expect(view(".columns name echo 'a\tb'").subcommand).toMatchObject({ original: 'echo "a\\tb"', args: { list: { args: ['a\tb'] } } });
  });

  it('rejects a nested comment word and an empty nested command', () => {
    for (const line of ['.columns name "\\#x"', '.csv true ""', 'namespace foo ""', ".columns name ''"]) {
      expect(view(line)).toMatchObject({ ok: false, error: `invalid command: \`${line}\`` });
    }
  });
});

describe('3.1 aliases', () => {
  it('do not expand in a file (nor nested)', () => {
    const { script } = language.parseScript('.alias vmr=vm info\nvmr\n.csv true vmr\n', { valueChecks: false });
    expect(script.lines.map((l) => l.error)).toEqual(['', 'invalid command: `vmr`', 'invalid command: `.csv true vmr`']);
  });

  it('expand at the prompt and the socket on a first word equal to a name only', () => {
    const aliases = new Map([
      ['vmr', 'vm info'],
      ['v', 'vm'],
    ]);
    expect(expandAliases31('vmr summary', aliases)).toBe('vm info summary');
    expect(expandAliases31('vmr # comment', aliases)).toBe('vm info # comment');
    expect(expandAliases31('vmrx', aliases)).toBe('vmrx');
    expect(expandAliases31('  vmr', aliases)).toBe('  vmr');
    expect(expandAliases31('vnc', aliases)).toBe('vnc');
    expect(expandAliases31('v info', aliases)).toBe('vm info');
    expect(dialect31.expandPromptAliases('v info', aliases)).toBe('vm info');
  });
});

describe('3.1 matching on made-up registries', () => {
  it('an exact word beats an abbreviation, whatever the order', () => {
    expect(pattern(synthetic(['y barbaz', 'y bar']).compileLine('y bar', 0))).toBe('y bar');
    expect(pattern(synthetic(['y bar'], ['y barbaz']).compileLine('y bar', 0))).toBe('y bar');
    expect(pattern(synthetic(['y barbaz', 'y bar']).compileLine('y b', 0))).toBe('noMatch');
  });

  it('a choice option spelled out wins over a longer one it abbreviates', () => {
    const c = synthetic(['w <foo,foobar>']);
    const r = c.compileLine('w foo', 0);
    expect(r.kind === 'command' && r.command.args.bool).toEqual({ foo: true });
    expect(pattern(c.compileLine('w fo', 0))).toBe('noMatch');
  });

  it('a string item counts as exact', () => {
    expect(pattern(synthetic(['x abc'], ['x abd'], ['x <name>']).compileLine('x ab', 0))).toBe('x <name>');
    expect(pattern(synthetic(['x abc'], ['x <name>']).compileLine('x abc', 0))).toBe('noMatch');
    expect(pattern(synthetic(['z <a> [b]'], ['z q r']).compileLine('z q r', 0))).toBe('noMatch');
    expect(pattern(synthetic(['p <a>...'], ['p q <b>']).compileLine('p q r', 0))).toBe('noMatch');
    expect(pattern(synthetic(['foo <a>'], ['foo [a]']).compileLine('foo q', 0))).toBe('noMatch');
    const bar = synthetic(['bar <x,y>'], ['bar [x]']);
    expect(pattern(bar.compileLine('bar x', 0))).toBe('noMatch');
    expect(pattern(bar.compileLine('bar z', 0))).toBe('bar [x]');
  });

  it('keeps the first word of two string items with one key', () => {
    const r = synthetic(['d <a> <a>']).compileLine('d x y', 0);
    expect(r.kind === 'command' && r.command.args.string).toEqual({ a: 'x' });
  });

  it('refuses conflicting patterns, as minicli 3.1 refuses to register them', () => {
    expect(() => synthetic(['foo'], ['foo [bar]'])).toThrow(/conflicting handlers/);
    expect(() => synthetic(['x <a one>'], ['x <a two>'])).toThrow(/conflicting handlers/);
    expect(() => synthetic(['x <a>'], ['x <b>'])).not.toThrow();
  });
});
