/**
 * Lexing (language/lexing/): tokens and the grammar that glues them into
 * lexed lines: word values, raw text, quoting, comments, line splitting and
 * the exact error texts with ranges.
 * (The spec's example table is in minicli-examples.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { lexCommandText, lexLine, lexScript } from '../../language/lexing/lex.js';
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { LexingEngines } from '../../language/lexing/engines.js';
import { LineGrammar } from '../../language/lexing/grammar.js';
import { Bare, lexerConfig, lineTokens, scriptTokens } from '../../language/lexing/tokens.js';
import { Codes } from '../../language/codes.js';
import { isGoSpace } from '../../language/text.js';

const values = (s: string): string[] => lexLine(s).words.map((w) => w.value);
const { scriptLexer, lineLexer } = new LexingEngines();

describe('words', () => {
  it('keeps value, raw text, offsets and the quoted flag', () => {
    expect(lexLine(`echo "a b"c 'd' \\#e`).words).toEqual([
      { value: 'echo', raw: 'echo', start: 0, end: 4, quoted: false },
      { value: 'a bc', raw: '"a b"c', start: 5, end: 11, quoted: true },
      { value: 'd', raw: "'d'", start: 12, end: 15, quoted: true },
      { value: '#e', raw: '\\#e', start: 16, end: 19, quoted: false },
    ]);
  });

  it('counts offsets in UTF-16 units (LSP characters), astral characters included', () => {
    expect(lexLine('😀 x').words.map((w) => [w.value, w.start, w.end])).toEqual([
      ['😀', 0, 2],
      ['x', 3, 4],
    ]);
  });

  it('keeps a trailing comment with its range, and none inside quotes', () => {
    expect(lexLine('vm info # hi "x').comment).toEqual({ text: '# hi "x', start: 8, end: 15 });
    expect(lexLine('a#b').comment).toEqual({ text: '#b', start: 1, end: 3 });
    expect(lexLine('echo "#x"').comment).toBeNull();
    expect(lexLine('# only').words).toEqual([]);
  });

  it('glues adjacent parts of every kind into one word', () => {
    expect(values(`a"b"'c'\\td`)).toEqual(['abc\td']);
    expect(values(`"" ''`)).toEqual(['', '']);
    expect(values('a""b')).toEqual(['ab']);
  });

  it('reads a real LF inside quotes in command text, and as white space outside', () => {
    expect(lexCommandText('"a\nb" c\nd').words.map((w) => w.value)).toEqual(['a\nb', 'c', 'd']);
  });
});

describe('errors: exact minicli text, a code and a range', () => {
  const table: Array<[string, string, string, number, number]> = [
    ['"foo', 'missing terminal "', Codes.lexMissingTerminal, 0, 4],
    ["echo 'foo", "missing terminal '", Codes.lexMissingTerminal, 5, 9],
    ['foo\\', 'expected escape character', Codes.lexMissingEscape, 3, 4],
    ['"foo\\', 'expected escape character', Codes.lexMissingEscape, 4, 5],
    ['foo\\ bar', 'unexpected escaped character:  ', Codes.lexBadEscape, 3, 5],
    ['"\\x"', 'unexpected escaped character: x', Codes.lexBadEscape, 1, 3],
    ["a 'b\\q'", 'unexpected escaped character: q', Codes.lexBadEscape, 4, 6],
    ['\\😀', 'unexpected escaped character: 😀', Codes.lexBadEscape, 0, 3],
    ['x\\😀y', 'unexpected escaped character: 😀', Codes.lexBadEscape, 1, 4],
    ['"\\😀"', 'unexpected escaped character: 😀', Codes.lexBadEscape, 1, 4],
  ];
  for (const [input, message, code, start, end] of table) {
    it(`${JSON.stringify(input)} -> ${message}`, () => {
      for (const l of [lexLine(input), lexCommandText(input)]) {
        expect(l.error).toEqual({ message, code, start, end });
      }
    });
  }

  it('reports the first problem in reading order, as minicli stops there', () => {
    expect(lexLine('\\x "foo').error?.message).toBe('unexpected escaped character: x');
    expect(lexLine('"a\\x').error?.message).toBe('unexpected escaped character: x');
    expect(lexLine('"a\\').error?.message).toBe('expected escape character');
    expect(lexLine('a # "b').error).toBeNull();
  });

  it('keeps the words before the error', () => {
    expect(lexLine('vm config "x').words.map((w) => w.value)).toEqual(['vm', 'config']);
  });
});

describe('scripts: lines as bufio.Scanner splits them', () => {
  it('gives each line its text and line-relative offsets', () => {
    const lines = lexScript('vm info\n  echo a\r\nx "y\n');
    expect(lines.map((l) => l.text)).toEqual(['vm info', '  echo a', 'x "y']);
    expect(lines[1]!.lexed.words.map((w) => [w.value, w.start])).toEqual([
      ['echo', 2],
      ['a', 7],
    ]);
    expect(lines[2]!.lexed.error).toEqual({ message: 'missing terminal "', code: Codes.lexMissingTerminal, start: 2, end: 4 });
  });

  it('treats a lone CR as white space inside a line and drops one at the end of the file', () => {
    expect(lexScript('a\rb').map((l) => l.lexed.words.map((w) => w.value))).toEqual([['a', 'b']]);
    expect(lexScript('a\r').map((l) => l.text)).toEqual(['a']);
    expect(lexScript('a\r\r\n').map((l) => [l.text, l.lexed.words.map((w) => w.value)])).toEqual([['a\r', ['a']]]);
  });

  it('never lets a quote or a comment run past the end of its line', () => {
    const lines = lexScript('echo "a\necho b"\n# c\nvm info');
    expect(lines.map((l) => l.lexed.error?.message ?? l.lexed.words.map((w) => w.value).join(' '))).toEqual([
      'missing terminal "',
      'missing terminal "',
      '',
      'vm info',
    ]);
    expect(lines[2]!.lexed.comment).toEqual({ text: '# c', start: 0, end: 3 });
  });

  it('lexes a 100,000-line script in one pass with one NewLine token per line break', () => {
    const text = 'vm info\n'.repeat(100_000);
    const { tokens, errors } = scriptLexer.tokenize(text);
    expect(errors).toEqual([]);
    expect(tokens.filter((t) => t.tokenType.name === 'NewLine').length).toBe(100_000);
    expect(lexScript(text).length).toBe(100_000);
  });

  it('never reports lexing errors from Chevrotain itself: every character belongs to a token', () => {
    const nasty = '\u0000\u0001\ufffd\ud800"\'\\#\r\n\t \u00a0\u2028\ufeff😀';
    expect(scriptLexer.tokenize(nasty).errors).toEqual([]);
    expect(lineLexer.tokenize(nasty).errors).toEqual([]);
  });
});

describe('the token types and the grammar', () => {
  it("pass chevrotain's validations, which start-up skips", () => {
    for (const tokens of [scriptTokens, lineTokens]) {
      const lexer = new Lexer(tokens, { ...lexerConfig, skipValidations: false });
      expect(lexer.lexerDefinitionErrors).toEqual([]);
    }
    // performSelfAnalysis throws on a grammar that fails them.
    expect(() => new LineGrammar(true)).not.toThrow();
  });

  it("say which characters each token starts with as chevrotain's own analysis of its pattern does", () => {
    // The first-character table of a lexer: for each group of character codes, the tokens tried, in order.
    const table = (lexer: Lexer): string[] =>
      Object.entries(
        (lexer as unknown as { charCodeToPatternIdxToConfig: { defaultMode: Record<string, { tokenType: TokenType }[]> } }).charCodeToPatternIdxToConfig
          .defaultMode,
      ).map(([code, configs]) => `${code}: ${configs.map((c) => c.tokenType.name).join(' ')}`);
    for (const tokens of [scriptTokens, lineTokens]) {
      // The same tokens without the hints (Bare keeps its own: chevrotain cannot analyse a complement class).
      const analysed = tokens.map((t) =>
        t === Bare
          ? t
          : createToken({
              name: t.name,
              pattern: t.PATTERN,
              group: t.GROUP,
              line_breaks: t.LINE_BREAKS,
              categories: t.CATEGORIES?.filter((c) => c.name !== t.name),
            }),
      );
      expect(table(new Lexer(tokens, lexerConfig))).toEqual(table(new Lexer(analysed, lexerConfig)));
    }
  });
});

describe('white space', () => {
  // The spec's list (minicli.md, Whitespace = Go unicode.IsSpace).
  const goSpaces = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
  for (let c = 0x2000; c <= 0x200a; c++) goSpaces.add(c);

  it("is exactly Go's unicode.IsSpace, for every UTF-16 unit, in the lexer and in isGoSpace", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (`"'\\#`.includes(ch)) continue;
      const separates = lexCommandText(`a${ch}b`).words.length === 2;
      if (separates !== goSpaces.has(c) || isGoSpace(ch) !== goSpaces.has(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
