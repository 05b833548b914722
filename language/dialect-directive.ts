/**
 * The dialect directive: a first line `# minimega: 3.1` says which minimega
 * version a script is written for. minimega itself reads it as a comment,
 * so a marked script runs unchanged. Tools take the dialect from a command
 * line option first, then from the directive, then from a setting, and
 * default to 2.3.
 */
import { dialect23, dialectOf, type Dialect } from './dialect.js';
import { lineRange, type Range } from './positions.js';

/** The directive of a script's first line. */
export interface DialectDirective {
  /** The version written (`3.1`), known or not. */
  readonly version: string;
  /** Its dialect, or undefined when `mm` knows no such version. */
  readonly dialect: Dialect | undefined;
  /** Where the version is written, on line 0. */
  readonly range: Range;
}

// Spaces and tabs only: the directive is one line, and minimega trims nothing else before `#`.
const DIRECTIVE = /^([ \t]*#[ \t]*minimega:[ \t]*)([^\s#]+)[ \t]*\r?$/;
const MAX_FIRST_LINE = 256;

/** The directive on a script's first line (a BOM before it is skipped), or undefined. */
export function readDialectDirective(text: string): DialectDirective | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.indexOf('\n', bom);
  if (end < 0) end = text.length;
  // The first line is looked at only when short: a directive is.
  if (end - bom > MAX_FIRST_LINE) return undefined;
  const m = DIRECTIVE.exec(text.slice(bom, end));
  if (!m) return undefined;
  const start = bom + m[1]!.length;
  const version = m[2]!;
  return { version, dialect: dialectOf(version), range: lineRange(0, start, start + version.length) };
}

/**
 * Whether the directive names a command set file (`# minimega: site.json`,
 * `# minimega: ../sets/3.2.json`) rather than a version: tools that read files
 * load it, relative to the script, and use its dialect.
 */
export function directiveNamesFile(d: DialectDirective): boolean {
  return d.dialect === undefined && namesCommandSetFile(d.version);
}

/** Whether a dialect written in a directive, `--dialect` or a setting is a command set file's path rather than a version. */
export function namesCommandSetFile(value: string): boolean {
  return value.endsWith('.json') || value.includes('/');
}

/** The first line that marks a script as written for `dialect`. */
export function directiveLine(dialect: Dialect): string {
  return `# minimega: ${dialect.version}`;
}

/** A script's dialect: its directive's when it names a known one, else `fallback` (a setting, or 2.3). */
export function dialectOfScript(text: string, fallback: Dialect = dialect23): Dialect {
  return readDialectDirective(text)?.dialect ?? fallback;
}
