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

/** What a word is made of: bare text, quoted strings and escapes (one token category). */
export const Part = createToken({ name: 'Part', pattern: Lexer.NA });

/** LF with an optional CR before it: bufio.Scanner drops one CR per line. */
export const NewLine = createToken({ name: 'NewLine', pattern: /\r?\n/, line_breaks: true });

// In script mode a CR is white space only when it does not end the line.
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  group: Lexer.SKIPPED,
  pattern: new RegExp(`(?:[${SPACE_NO_LF}]|\\r(?!\\n))+`),
});

export const LineWhiteSpace = createToken({
  name: 'LineWhiteSpace',
  group: Lexer.SKIPPED,
  pattern: new RegExp(`[${GO_SPACE_CLASS}]+`),
  line_breaks: true,
  categories: [WhiteSpace],
});

// `#` outside quotes ends lexing: the rest of the line is a comment.
export const Comment = createToken({ name: 'Comment', pattern: /#(?:[^\r\n]|\r(?!\n))*/ });
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /#[\s\S]*/,
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
});
export const SingleQuoted = createToken({
  name: 'SingleQuoted',
  categories: [Part],
  pattern: new RegExp(`'(?:(?!['\\\\])${CH}|\\\\${CH})*'`),
});
export const Unterminated = createToken({
  name: 'Unterminated',
  categories: [Part],
  pattern: new RegExp(`["'](?:(?!\\\\)${CH}|\\\\${CH})*\\\\?`),
});
export const LineDoubleQuoted = createToken({
  name: 'LineDoubleQuoted',
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  line_breaks: true,
  categories: [DoubleQuoted, Part],
});
export const LineSingleQuoted = createToken({
  name: 'LineSingleQuoted',
  pattern: /'(?:[^'\\]|\\[\s\S])*'/,
  line_breaks: true,
  categories: [SingleQuoted, Part],
});
export const LineUnterminated = createToken({
  name: 'LineUnterminated',
  pattern: /["'][\s\S]*/,
  line_breaks: true,
  categories: [Unterminated, Part],
});

/**
 * A backslash and the one character it escapes (none at the end of a line).
 * The character is a code point: a surrogate pair is escaped as a whole.
 */
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
export const Escape = createToken({ name: 'Escape', pattern: new RegExp(`\\\\(?:${PAIR}|${CH})?`), categories: [Part] });
export const LineEscape = createToken({
  name: 'LineEscape',
  pattern: new RegExp(`\\\\(?:${PAIR}|[\\s\\S])?`),
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

/** Lexes a whole script (commands separated by NewLine tokens). */
export const scriptLexer = new Lexer(scriptTokens, lexerConfig);
/** Lexes one command's text as minicli's Compile does. */
export const lineLexer = new Lexer(lineTokens, lexerConfig);
