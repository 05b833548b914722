/**
 * Lexing, first stage: characters to Chevrotain tokens, for minicli 2.3
 * input. The lexer only knows generic tokens; command names are never
 * keywords (they live in the catalog).
 *
 * Two lexers share the tokens: the script lexer, where LF ends a command, and
 * the command lexer used by minicli's Compile, where LF is plain white space
 * (nested commands are re-serialised text and may hold a raw LF).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { GO_SPACE_CLASS, isBareWord, NOT_BARE_CLASS } from '../text.js';

const SPACE_NO_LF = GO_SPACE_CLASS.replace('\\n', '').replace('\\r', '');

/**
 * Every token says which characters it may start with (`start_chars_hint`):
 * Chevrotain would otherwise work it out by parsing each pattern with its
 * regular-expression parser when the lexer is built, which every `mm`
 * command and editor start-up would pay for. lexer.test.ts checks the hints
 * against that analysis.
 */
const LF = 0x0a;
const CR = 0x0d;
/** Every Go space (`GO_SPACE_CLASS`; lexer.test.ts checks every character against the spec's list). */
const GO_SPACES = [
  0x09,
  LF,
  0x0b,
  0x0c,
  CR,
  0x20,
  0x85,
  0xa0,
  0x1680,
  0x2000,
  0x2001,
  0x2002,
  0x2003,
  0x2004,
  0x2005,
  0x2006,
  0x2007,
  0x2008,
  0x2009,
  0x200a,
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
];

export const Part = createToken({ name: 'Part', pattern: Lexer.NA });

/** LF with an optional CR before it: bufio.Scanner drops one CR per line. */
export const NewLine = createToken({ name: 'NewLine', pattern: /\r?\n/, start_chars_hint: [CR, LF], line_breaks: true });

// In script mode a CR is white space only when it does not end the line.
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  group: Lexer.SKIPPED,
  pattern: new RegExp(`(?:[${SPACE_NO_LF}]|\\r(?!\\n))+`),
  start_chars_hint: GO_SPACES.filter((c) => c !== LF),
});

export const LineWhiteSpace = createToken({
  name: 'LineWhiteSpace',
  group: Lexer.SKIPPED,
  pattern: new RegExp(`[${GO_SPACE_CLASS}]+`),
  start_chars_hint: GO_SPACES,
  line_breaks: true,
  categories: [WhiteSpace],
});

// `#` outside quotes ends lexing: the rest of the line is a comment.
export const Comment = createToken({ name: 'Comment', pattern: /#(?:[^\r\n]|\r(?!\n))*/, start_chars_hint: ['#'] });
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /#[\s\S]*/,
  start_chars_hint: ['#'],
  line_breaks: true,
  categories: [Comment],
});

// Quoted strings, terminated first so that the unterminated forms only match
// when no closing quote follows. Escapes are checked by the AST builder, which
// reports the first problem in reading order, as minicli does.
const CH = '(?:[^\\r\\n]|\\r(?!\\n))';
export const DoubleQuoted = createToken({
  name: 'DoubleQuoted',
  categories: [Part],
  pattern: new RegExp(`"(?:(?!["\\\\])${CH}|\\\\${CH})*"`),
  start_chars_hint: ['"'],
});
export const SingleQuoted = createToken({
  name: 'SingleQuoted',
  categories: [Part],
  pattern: new RegExp(`'(?:(?!['\\\\])${CH}|\\\\${CH})*'`),
  start_chars_hint: ["'"],
});
export const Unterminated = createToken({
  name: 'Unterminated',
  categories: [Part],
  pattern: new RegExp(`["'](?:(?!\\\\)${CH}|\\\\${CH})*\\\\?`),
  start_chars_hint: ['"', "'"],
});
export const LineDoubleQuoted = createToken({
  name: 'LineDoubleQuoted',
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  start_chars_hint: ['"'],
  line_breaks: true,
  categories: [DoubleQuoted, Part],
});
export const LineSingleQuoted = createToken({
  name: 'LineSingleQuoted',
  pattern: /'(?:[^'\\]|\\[\s\S])*'/,
  start_chars_hint: ["'"],
  line_breaks: true,
  categories: [SingleQuoted, Part],
});
export const LineUnterminated = createToken({
  name: 'LineUnterminated',
  pattern: /["'][\s\S]*/,
  start_chars_hint: ['"', "'"],
  line_breaks: true,
  categories: [Unterminated, Part],
});

/**
 * A backslash and the one character it escapes (none at the end of a line).
 * The character is a code point: a surrogate pair is escaped as a whole.
 */
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
export const Escape = createToken({ name: 'Escape', pattern: new RegExp(`\\\\(?:${PAIR}|${CH})?`), start_chars_hint: ['\\'], categories: [Part] });
export const LineEscape = createToken({
  name: 'LineEscape',
  pattern: new RegExp(`\\\\(?:${PAIR}|[\\s\\S])?`),
  start_chars_hint: ['\\'],
  line_breaks: true,
  categories: [Escape, Part],
});

/**
 * The first characters a bare run may start with. Chevrotain cannot analyse a
 * complement class; without this hint it would try every pattern on every
 * token. Above U+00FF it indexes code units in blocks of 255 (256-509, then
 * from 510 on), so one member per block is enough.
 */
function bareStartChars(): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xff; c++) if (isBareWord(String.fromCharCode(c))) out.push(c);
  out.push(0x100);
  for (let c = 510; c < 0x10000; c += 255) out.push(c);
  return out;
}

export const Bare = createToken({
  name: 'Bare',
  pattern: new RegExp(`[^${NOT_BARE_CLASS}]+`),
  start_chars_hint: bareStartChars(),
  categories: [Part],
});

/** Token order matters: each token starts with a character no other one starts with. */
export const scriptTokens: TokenType[] = [NewLine, WhiteSpace, Comment, DoubleQuoted, SingleQuoted, Unterminated, Escape, Bare];

/** Tokens for one command's text: LF is white space, comments run to the end. */
export const lineTokens: TokenType[] = [LineWhiteSpace, LineComment, LineDoubleQuoted, LineSingleQuoted, LineUnterminated, LineEscape, Bare];

/** Every token type the grammar may see (`Bare` is in both lists). */
export const allTokens: TokenType[] = [Part, ...scriptTokens, ...lineTokens.filter((t) => t !== Bare)];

// Optimizations are ensured: losing the first-char optimization would make
// lexing several times slower without any test noticing. Validations are
// skipped: they cost every `mm` command start-up time and find nothing new
// once the token types pass them, which a test checks (lexer.test.ts).
export const lexerConfig = { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true } as const;
