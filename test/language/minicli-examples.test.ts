/**
 * Every example of the shared spec's `minicli.md` sections 1 and 3 (and `observed-2.3.md`
 * section 2) with its exact items, pattern, argument maps or error text.
 * Section 2 (pattern syntax, rendering, census) lives in patterns.test.ts.
 *
 * The spec's synthetic-registry examples (`y barbaz`/`y bar`, `x abc`/`x abd`/
 * `x <name>`, `z <a> [b]`, `w <a>...`) need a registry other than minimega's;
 * `compileLine` only knows the catalog, so they are checked here through real
 * 2.3 analogues, and in all-patterns.test.ts against the reference matcher.
 */
import { describe, expect, it } from 'vitest';
import { createLanguageService, lexCommandText, lexLine, lexScript, type CompileResult } from '../../language/index.js';
import { describeLine } from '../../language/describe.js';
import { Codes } from '../../language/codes.js';
import { compilePattern } from '../../language/patterns.js';
import type { Command, CommentCommand } from '../../language/ast.js';

const { compileLine, parseScript } = createLanguageService();

interface View {
  kind: CompileResult['kind'];
  pattern?: string;
  original?: string;
  args?: { string: Record<string, string>; bool: Record<string, boolean>; list: Record<string, readonly string[]> };
  sub?: View | null;
  error?: string;
}

function cmdView(c: Command | CommentCommand | null): View | null {
  if (!c) return null;
  if (c.kind === 'CommentCommand') return { kind: 'comment', original: c.original };
  return {
    kind: 'command',
    pattern: c.pattern,
    original: c.original,
    args: { string: { ...c.args.string }, bool: { ...c.args.bool }, list: { ...c.args.list } },
    sub: cmdView(c.subcommand),
  };
}

/** How the code under test compiles one line. */
function compile(text: string, aliases: ReadonlyMap<string, string> = new Map()): View {
  const r = compileLine(text, 0, aliases);
  switch (r.kind) {
    case 'command':
      return cmdView(r.command)!;
    case 'comment':
      return { kind: 'comment', original: r.original };
    case 'empty':
      return { kind: 'empty' };
    default:
      return { kind: r.kind, error: r.error };
  }
}

const noArgs = { string: {}, bool: {}, list: {} };

function expectInvalid(text: string): void {
  expect(compile(text)).toEqual({ kind: 'noMatch', error: `invalid command: \`${text.trim()}\`` });
}

describe('1.1 before the lexer', () => {
  it('trims Go white space; a blank line is no command and no error', () => {
    expect(compile('')).toEqual({ kind: 'empty' });
    expect(compile(' \t\u00a0\u3000 ')).toEqual({ kind: 'empty' });
    expect(compile('\u0085vm info\u2028')).toMatchObject({ kind: 'command', pattern: 'vm info [summary,]', original: 'vm info' });
  });

  it('expands an alias before lexing and before the comment test', () => {
    const aliases = new Map([
      ['vmr', '.columns name vm info'],
      ['c', '# now a comment'],
      ['q', '"open'],
    ]);
    expect(compile('vmr', aliases)).toMatchObject({
      kind: 'command',
      pattern: '.columns <columns as csv> (command)',
      original: '.columns name vm info',
      sub: { pattern: 'vm info [summary,]', original: 'vm info' },
    });
    expect(compile('c', aliases)).toEqual({ kind: 'comment', original: '# now a comment' });
    expect(compile('q', aliases)).toEqual({ kind: 'lexError', error: 'missing terminal "' });
  });
});

describe('1.2 lexer rules', () => {
  it('treats exactly Go unicode.IsSpace as white space', () => {
    for (const sp of ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000']) {
      expect(
        lexCommandText(`a${sp}b`).words.map((w) => w.value),
        JSON.stringify(sp),
      ).toEqual(['a', 'b']);
    }
    for (const nsp of ['\u200b', '\ufeff', '\u180e']) {
      expect(
        lexCommandText(`a${nsp}b`).words.map((w) => w.value),
        JSON.stringify(nsp),
      ).toEqual([`a${nsp}b`]);
    }
  });

  it('treats a newline inside the compiled text as white space', () => {
    expect(lexCommandText('vm\ninfo').words.map((w) => w.value)).toEqual(['vm', 'info']);
    expect(compile('vm\ninfo')).toMatchObject({ kind: 'command', pattern: 'vm info [summary,]' });
  });

  it('reports a space after a backslash with a trailing space in the message', () => {
    expect(lexCommandText('a\\ b').error?.message).toBe('unexpected escaped character:  ');
  });

  it('has no way to escape other characters', () => {
    for (const c of ['a', 'x', 'u', '0', 'é', '$', '😀']) {
      expect(lexCommandText(`\\${c}`).error?.message).toBe(`unexpected escaped character: ${c}`);
    }
  });
});

describe('1.3 lexer examples (verified)', () => {
  const table: Array<[string, string[] | { error: string }]> = [
    ['foo bar', ['foo', 'bar']],
    ['  foo   bar  ', ['foo', 'bar']],
    ['foo\tbar', ['foo', 'bar']],
    ['"foo bar"', ['foo bar']],
    ["'foo bar'", ['foo bar']],
    ['"foo"bar', ['foobar']],
    ['foo"bar baz"qux', ['foobar bazqux']],
    [`"a"'b'c`, ['abc']],
    ['""', ['']],
    ['"" ""', ['', '']],
    ['foo ""', ['foo', '']],
    [`"\\"foo's bar\\""`, [`"foo's bar"`]],
    [`'"foo\\'s bar"'`, [`"foo's bar"`]],
    [`'a"b'`, ['a"b']],
    ['foo\\nbar', ['foo\nbar']],
    ['\\#foo', ['#foo']],
    ['foo \\# bar', ['foo', '#', 'bar']],
    ['foo#bar', ['foo']],
    ['"a#b"', ['a#b']],
    ['foo # bar "baz', ['foo']],
    ['# comment "x', []],
    ['foo\\ bar', { error: 'unexpected escaped character:  ' }],
    ['\\x', { error: 'unexpected escaped character: x' }],
    ['"\\x"', { error: 'unexpected escaped character: x' }],
    ['foo\\', { error: 'expected escape character' }],
    ['"foo\\', { error: 'expected escape character' }],
    ['"foo', { error: 'missing terminal "' }],
    ["'foo", { error: "missing terminal '" }],
    ['"""', { error: 'missing terminal "' }],
  ];

  for (const [input, want] of table) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(want)}`, () => {
      // Compile's view (LF is white space) and the script lexer's view of one line agree.
      for (const lexed of [lexCommandText(input), lexLine(input)]) {
        if (Array.isArray(want)) {
          expect(lexed.error).toBeNull();
          expect(lexed.words.map((w) => w.value)).toEqual(want);
        } else {
          expect(lexed.error?.message).toBe(want.error);
        }
      }
      // Compile returns lexer errors unwrapped.
      if (!Array.isArray(want)) expect(compile(input)).toEqual({ kind: 'lexError', error: want.error });
    });
  }

  it('also escapes inside single quotes and #, tab, CR in both quote kinds', () => {
    expect(lexCommandText(`'a\\tb\\#\\r'`).words.map((w) => w.value)).toEqual(['a\tb#\r']);
    expect(lexCommandText(`"a\\\\b"`).words.map((w) => w.value)).toEqual(['a\\b']);
  });
});

describe('1.4 lines, files and scripts', () => {
  const texts = (s: string): string[] => lexScript(s).map((l) => l.text);

  it('splits on LF, drops one CR per line, keeps a last line without LF, adds no empty line after a final LF', () => {
    expect(texts('a\nb')).toEqual(['a', 'b']);
    expect(texts('a\nb\n')).toEqual(['a', 'b']);
    expect(texts('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(texts('a\r\r\nb')).toEqual(['a\r', 'b']);
    expect(texts('a\n\nb\n\n')).toEqual(['a', '', 'b', '']);
    expect(texts('')).toEqual([]);
    expect(texts('\n')).toEqual(['']);
  });

  it('has no line continuation and no multi-line quotes', () => {
    const { script } = parseScript('vm config net \\\n100\necho "a\nb"\n', { valueChecks: false });
    expect(script.lines.map((l) => l.error)).toEqual(['expected escape character', 'invalid command: `100`', 'missing terminal "', 'missing terminal "']);
  });

  it('rejects lines longer than 64 KiB as bufio.Scanner does', () => {
    const ok = 'echo ' + 'x'.repeat(64 * 1024 - 5);
    const long = ok + 'x';
    const { script, diagnostics } = parseScript(`${ok}\n${long}\nvm info\n`, { valueChecks: false });
    expect(script.lines.map((l) => l.status)).toEqual(['command', 'error', 'command']);
    expect(script.lines[1]!.error).toBe('bufio.Scanner: token too long');
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([[Codes.lineTooLong, 1]]);
    // The limit counts UTF-8 bytes, not characters.
    const wide = 'echo ' + 'é'.repeat(32 * 1024);
    expect(parseScript(wide).script.lines[0]!.error).toBe('bufio.Scanner: token too long');
  });
});

describe('1.5 re-serialising items for nested commands', () => {
  it('.columns name echo "a b" c: fine', () => {
    expect(compile('.columns name echo "a b" c').sub).toEqual({
      kind: 'command',
      pattern: 'echo [args]...',
      original: 'echo "a b" c',
      args: { string: {}, bool: {}, list: { args: ['a b', 'c'] } },
      sub: null,
    });
  });

  it(".columns name echo '' x: the empty item vanishes", () => {
    expect(compile(".columns name echo '' x").sub).toMatchObject({ original: 'echo  x', args: { list: { args: ['x'] } } });
  });

  it('.columns name echo "x#y" z: # is re-lexed as a comment', () => {
    expect(compile('.columns name echo "x#y" z').sub).toMatchObject({
      pattern: 'echo [args]...',
      original: 'echo x#y z',
      args: { list: { args: ['x'] } },
    });
  });

  it(`.columns name echo 'a"b' and "a\\\\b": re-lex errors make the outer line invalid`, () => {
    expectInvalid(`.columns name echo 'a"b'`);
    expectInvalid('.columns name echo "a\\\\b"');
  });

  it(".columns name echo 'a⇥b': re-lexed as two items", () => {
    expect(compile(".columns name echo 'a\tb'").sub).toMatchObject({ original: 'echo a\tb', args: { list: { args: ['a', 'b'] } } });
  });

  it('.columns name "\\#x": the sub-command is a comment no-op', () => {
    expect(compile('.columns name "\\#x"')).toMatchObject({
      kind: 'command',
      pattern: '.columns <columns as csv> (command)',
      args: { string: { columns: 'name' } },
      sub: { kind: 'comment', original: '#x' },
    });
    // mm parse shows it as a subcommand with an empty pattern.
    const line = parseScript('.columns name "\\#x"').script.lines[0]!;
    expect(describeLine(line).subcommand).toEqual({ pattern: '', original: '#x', args: noArgs, subcommand: null });
  });

  it('Go-quotes items with spaces (control characters as Go escapes, which then fail to re-lex)', () => {
    expect(compile('.columns name echo "a\\tb c"').sub).toMatchObject({ original: 'echo "a\\tb c"', args: { list: { args: ['a\tb c'] } } });
    expectInvalid('.columns name echo "a\u0001 b"');
  });

  it('re-applies alias expansion inside the nested command', () => {
    const v = compile('.csv true vmr', new Map([['vmr', 'vm info']]));
    expect(v.sub).toMatchObject({ pattern: 'vm info [summary,]', original: 'vm info' });
  });
});

describe('2.4 argument maps (through the real registry)', () => {
  it('stores string keys only when given; empty strings are values', () => {
    expect(compile('vm config tag')).toMatchObject({ pattern: 'vm config tag [key]', args: noArgs });
    expect(compile('vm config tag ""')).toMatchObject({ pattern: 'vm config tag [key]', args: { string: { key: '' } } });
  });

  it('stores the full option text of a chosen choice, even when abbreviated', () => {
    expect(compile('vm config snapshot t')).toMatchObject({ pattern: 'vm config snapshot [true,false]', args: { bool: { true: true } } });
    expect(compile('vm config snapshot')).toMatchObject({ args: noArgs });
  });

  it('keeps empty strings as list elements and leaves absent optional lists out', () => {
    expect(compile('echo a "" b')).toMatchObject({ pattern: 'echo [args]...', args: { list: { args: ['a', '', 'b'] } } });
    expect(compile('echo')).toMatchObject({ pattern: 'echo [args]...', args: noArgs });
  });

  it('does not store literals nor the command key', () => {
    expect(compile('namespace foo vm info')).toMatchObject({
      pattern: 'namespace <name> (command)',
      args: { string: { name: 'foo' }, bool: {}, list: {} },
    });
  });

  it('fills single-option choices as keywords', () => {
    expect(compile('debug cpu start f')).toMatchObject({
      pattern: 'debug <cpu,> <start,> <file>',
      args: { string: { file: 'f' }, bool: { cpu: true, start: true }, list: {} },
    });
    expect(compile('read f.mm check')).toMatchObject({ args: { string: { file: 'f.mm' }, bool: { check: true } } });
  });
});

describe('3.1 to 3.3 matching: verified 2.3 registry examples', () => {
  it('q -> quit [delay]', () => {
    // observed-2.3.md lists `q` as ambiguous, but minimega 2.3's own parser (the
    // oracle file, and the spec's matching rules) matches it to quit: qos needs more words.
    expect(compile('q')).toEqual({ kind: 'command', pattern: 'quit [delay]', original: 'q', args: noArgs, sub: null });
  });

  it('vm c -> vm config', () => {
    expect(compile('vm c')).toMatchObject({ pattern: 'vm config', args: noArgs });
  });

  it('vm config n -> vm config net [netspec]...', () => {
    expect(compile('vm config n')).toMatchObject({ pattern: 'vm config net [netspec]...', args: noArgs });
  });

  it('cc response all raw -> cc <responses,> <id or prefix or all> [raw,]', () => {
    expect(compile('cc response all raw')).toEqual({
      kind: 'command',
      pattern: 'cc <responses,> <id or prefix or all> [raw,]',
      original: 'cc response all raw',
      args: { string: { id: 'all' }, bool: { responses: true, raw: true }, list: {} },
      sub: null,
    });
  });

  it('.column name vm info -> .columns', () => {
    expect(compile('.column name vm info')).toEqual({
      kind: 'command',
      pattern: '.columns <columns as csv> (command)',
      original: '.column name vm info',
      args: { string: { columns: 'name' }, bool: {}, list: {} },
      sub: { kind: 'command', pattern: 'vm info [summary,]', original: 'vm info', args: noArgs, sub: null },
    });
  });

  for (const text of ['h', 'v', 'vm', 'clear', 'clear vm', 'mesh', '.f', '""']) {
    it(`${text} -> invalid command (ambiguous or incomplete)`, () => expectInvalid(text));
  }

  it('clear vm config init -> the initrd pattern (first matching pattern of a handler wins)', () => {
    expect(compile('clear vm config init')).toMatchObject({ pattern: 'clear vm config <initrd,>', args: { bool: { initrd: true } } });
  });

  it('an exact match in a later handler beats an earlier apropos one (the `y bar` rule)', () => {
    // `vm config initrd` (earlier) matches `init` as a prefix; `vm config init` (later) exactly.
    expect(compile('vm config init /x')).toMatchObject({ pattern: 'vm config init [init]...', args: { list: { init: ['/x'] } } });
  });

  it('two apropos matches abort (the `x ab` rule)', () => {
    expectInvalid('vm config in');
    expect(compile('vm config initr')).toMatchObject({ pattern: 'vm config initrd [path to initrd]' });
  });

  it('string items count as exact matches', () => {
    // No 2.3 handler pair shows the `z <a> [b]` / `z q r` effect; within one
    // handler a string item matches any word exactly, so no abbreviation is involved.
    expect(compile('vm tag all all')).toMatchObject({ pattern: 'vm tag <target> [key or all]', args: { string: { target: 'all', key: 'all' } } });
    expect(compileLine('router r', 0)).toMatchObject({ kind: 'command', command: { pattern: 'router <vm>', apropos: false } });
    expect(compileLine('rout r', 0)).toMatchObject({ kind: 'command', command: { pattern: 'router <vm>', apropos: true } });
  });

  it('is case-sensitive everywhere', () => {
    expectInvalid('VM info');
    expectInvalid('vm INFO');
    expect(compile('vm info S')).toEqual({ kind: 'noMatch', error: 'invalid command: `vm info S`' });
    expect(compile('vm config snapshot T')).toMatchObject({ kind: 'noMatch' });
  });

  it('a choice fails unless exactly one option starts with the word', () => {
    // `host <vms,>` and `host <vmsall,>` are separate patterns: `vms` matches the first exactly.
    expect(compile('host vms')).toMatchObject({ pattern: 'host <vms,>' });
    // `<kb,fb>` has no shared prefix; `<raw,ascii>` neither; `[debug,...]` options are distinct.
    expect(compile('log level d')).toMatchObject({ pattern: 'log level [debug,info,warn,error,fatal]', args: { bool: { debug: true } } });
    // The empty word is a prefix of every option, so it selects none.
    expectInvalid('vm config snapshot ""');
    expectInvalid('log level ""');
  });

  it('patterns must consume every word unless they end in a list or a command', () => {
    expectInvalid('vm info foo');
    expect(compile('vm config net a b c')).toMatchObject({ args: { list: { netspec: ['a', 'b', 'c'] } } });
  });
});

describe('synthetic-registry examples at the pattern level', () => {
  // compileLine has no registry parameter; these items are what the spec's
  // synthetic handlers are made of (matching over them: all-patterns.test.ts).
  const items = (p: string): string[] => {
    const r = compilePattern(p);
    if (!r.ok) throw new Error(r.error);
    return r.items.map((i) => `${i.type}${i.optional ? '?' : ''}:${i.key || i.text}`);
  };

  it('y barbaz / y bar, x abc / x abd / x <name>, z <a> [b] / z q r, w <a>...', () => {
    expect(items('y barbaz')).toEqual(['literal:y', 'literal:barbaz']);
    expect(items('y bar')).toEqual(['literal:y', 'literal:bar']);
    expect(items('x abc')).toEqual(['literal:x', 'literal:abc']);
    expect(items('x <name>')).toEqual(['literal:x', 'string:name']);
    expect(items('z <a> [b]')).toEqual(['literal:z', 'string:a', 'string?:b']);
    expect(items('z q r')).toEqual(['literal:z', 'literal:q', 'literal:r']);
    expect(items('w <a>...')).toEqual(['literal:w', 'list:a']);
  });
});

describe('3.4 no match', () => {
  it('keeps the trailing comment in the error text', () => {
    expect(compile('bogus # hi')).toEqual({ kind: 'noMatch', error: 'invalid command: `bogus # hi`' });
  });

  it('reports the trimmed, alias-expanded text', () => {
    expect(compile('  bogus  ')).toEqual({ kind: 'noMatch', error: 'invalid command: `bogus`' });
    expect(compile('vmrfoo', new Map([['vmr', '.columns name vm info']]))).toEqual({
      kind: 'noMatch',
      error: 'invalid command: `.columns name vm infofoo`',
    });
  });

  it('returns lexer errors as they are, without the wrapper', () => {
    expect(compile('vm info "x')).toEqual({ kind: 'lexError', error: 'missing terminal "' });
  });
});

describe('3.5 nested commands', () => {
  it('nests without bound: .csv true .json false vm info', () => {
    expect(compile('.csv true .json false vm info')).toEqual({
      kind: 'command',
      pattern: '.csv <true,false> (command)',
      original: '.csv true .json false vm info',
      args: { string: {}, bool: { true: true }, list: {} },
      sub: {
        kind: 'command',
        pattern: '.json <true,false> (command)',
        original: '.json false vm info',
        args: { string: {}, bool: { false: true }, list: {} },
        sub: { kind: 'command', pattern: 'vm info [summary,]', original: 'vm info', args: noArgs, sub: null },
      },
    });
  });

  it('namespace a namespace b .columns name vm info', () => {
    const v = compile('namespace a namespace b .columns name vm info');
    expect(v).toMatchObject({
      pattern: 'namespace <name> (command)',
      args: { string: { name: 'a' } },
      sub: {
        pattern: 'namespace <name> (command)',
        original: 'namespace b .columns name vm info',
        args: { string: { name: 'b' } },
        sub: { pattern: '.columns <columns as csv> (command)', original: '.columns name vm info', sub: { pattern: 'vm info [summary,]' } },
      },
    });
  });

  it('mesh send <clients or all> (command)', () => {
    expect(compile('mesh send all vm info')).toMatchObject({
      pattern: 'mesh send <clients or all> (command)',
      args: { string: { clients: 'all' } },
      sub: { pattern: 'vm info [summary,]' },
    });
  });

  it('a failing nested compile fails the whole outer line', () => {
    expectInvalid('.columns name vm bogus');
    expectInvalid('namespace a vm');
  });

  it('keeps nested ranges in the source', () => {
    const r = compileLine('  namespace a vm info', 3);
    expect(r.kind).toBe('command');
    if (r.kind !== 'command') return;
    const sub = r.command.subcommand as Command;
    expect(sub.range).toEqual({ start: { line: 3, character: 14 }, end: { line: 3, character: 21 } });
    expect(r.command.words.map((w) => w.value)).toEqual(['namespace', 'a']);
  });
});

describe('observed-2.3.md section 2: abbreviations', () => {
  it('clear vm config init, cl vm co i, clear vm config in clear initrd', () => {
    for (const t of ['clear vm config init', 'cl vm co i', 'clear vm config in']) {
      expect(compile(t), t).toMatchObject({ pattern: 'clear vm config <initrd,>', args: { bool: { initrd: true } } });
    }
    expect(compile('clear vm config')).toMatchObject({ pattern: 'clear vm config', args: noArgs });
  });

  it('clear vm config fifo does not exist', () => expectInvalid('clear vm config fifo'));

  it('host vm, vm info s, .s f', () => {
    expect(compile('host vm')).toMatchObject({ pattern: 'host <vms,>', args: { bool: { vms: true } } });
    expect(compile('vm info s')).toMatchObject({ pattern: 'vm info [summary,]', args: { bool: { summary: true } } });
    expect(compile('.s f')).toMatchObject({ pattern: '.sort [true,false]', args: { bool: { false: true } } });
  });

  it('.a f, vm st all, vm config s, v, m are ambiguous or incomplete', () => {
    for (const t of ['.a f', 'vm st all', 'vm config s', 'v', 'm']) expectInvalid(t);
  });

  it('gives ambiguous prefixes their own diagnostic code', () => {
    const { diagnostics } = parseScript('.a f\nvm st all\nvm config s\nbogus\nvm info foo\n');
    expect(diagnostics.map((d) => d.code)).toEqual([
      Codes.ambiguousCommand,
      Codes.ambiguousCommand,
      Codes.ambiguousCommand,
      Codes.unknownCommand,
      Codes.badArguments,
    ]);
    expect(diagnostics.map((d) => d.data?.minicli)).toEqual([
      'invalid command: `.a f`',
      'invalid command: `vm st all`',
      'invalid command: `vm config s`',
      'invalid command: `bogus`',
      'invalid command: `vm info foo`',
    ]);
  });

  it('help vm c and help nosuchcommand are ordinary help commands', () => {
    expect(compile('help vm c')).toMatchObject({ pattern: 'help [command]...', args: { list: { command: ['vm', 'c'] } } });
    expect(compile('help nosuchcommand')).toMatchObject({ pattern: 'help [command]...', args: { list: { command: ['nosuchcommand'] } } });
  });
});
