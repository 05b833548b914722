/**
 * The language's front door: text to Script (lines, words, comments, matched
 * commands) plus every diagnostic. Every line is compiled on its own; a bad
 * line never hides problems on other lines. `.alias` / `.unalias` lines take
 * effect for the lines after them, as in minimega.
 */
import type { Command, CommentCommand, Comment, Line, Script, Word } from './ast.js';
import { commandChain, lineRange } from './ast.js';
import { aliasKey, compileLine, parseAliasDefinition, type AliasTable, type CompileResult } from './compile.js';
import { lexLine } from './lex.js';
import { commandOf, relocateLine } from './relocate.js';
import { splitLines } from './text.js';
import type { LexedLine } from './cst-to-ast.js';
import { createDiagnostic, type Diagnostic } from './diagnostics.js';
import { Codes } from './codes.js';
import { checkValues } from './validation/values.js';

/** Options for parsing. */
export interface ParseOptions {
  /** Aliases defined before the first line (a REPL session's, for instance). */
  readonly aliases?: AliasTable;
  /** Run the argument value checks (warnings); default true. */
  readonly valueChecks?: boolean;
}

/** bufio.Scanner's default maximum token size. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Parses a whole script. */
export function parseScript(text: string, options: ParseOptions = {}): { script: Script; diagnostics: Diagnostic[] } {
  const aliases = new Map(options.aliases ?? []);
  const valueChecks = options.valueChecks ?? true;
  const texts = splitLines(text);
  const lines: Line[] = [];
  const diagnostics: Diagnostic[] = [];
  let key = aliasKey(aliases);
  for (let i = 0; i < texts.length; i++) {
    const l = parseLine(texts[i]!, i, aliases, valueChecks, key);
    lines.push(l);
    for (const d of l.diagnostics) diagnostics.push(d);
    const c = l.status === 'command' ? commandOf(l) : null;
    if (c && changesAliases(c)) {
      applyAliasCommands(c, aliases);
      key = aliasKey(aliases);
    }
  }
  const last = lines[lines.length - 1];
  const range = lineRange(0, 0, 0);
  return {
    script: {
      kind: 'Script',
      lines,
      range: last ? { start: range.start, end: last.range.end } : range,
    },
    diagnostics,
  };
}

// What a line means depends only on its text (and the aliases, when any are
// defined), so each distinct text is lexed and matched once and moved to the
// line it appears on. Scripts repeat lines a lot; editors re-parse them often.
const lineCache = [new Map<string, Line>(), new Map<string, Line>()];
const LINE_CACHE_SIZE = 50_000;
const MAX_CACHED_LINE = 4096;

/** Forgets every cached line (benchmarks measure the cold path with it). */
export function clearLineCache(): void {
  for (const c of lineCache) c.clear();
}

/**
 * One line of a script at line number `line` (`key` is `aliasKey(aliases)`,
 * for callers that keep it). Lines are immutable, so cached
 * results are shared; only their ranges are rebuilt for the line number.
 */
export function parseLine(text: string, line: number, aliases: AliasTable, valueChecks = true, key = aliasKey(aliases)): Line {
  // Long lines are rare and would make the cache hold a lot of text.
  if (text.length > MAX_CACHED_LINE) return buildLine(text, line, lexLine(text), aliases, valueChecks);
  const cache = lineCache[valueChecks ? 1 : 0]!;
  const k = key === '' ? text : `${key}\u0000${text}`;
  let l0 = cache.get(k);
  if (!l0) {
    l0 = buildLine(text, 0, lexLine(text), aliases, valueChecks);
    if (cache.size >= LINE_CACHE_SIZE) cache.clear();
    cache.set(k, l0);
  }
  return line === 0 ? l0 : relocateLine(l0, line);
}

/** Compiles one line into a Line node (the incremental path of the language server). */
export function buildLine(
  text: string,
  line: number,
  lexed: LexedLine,
  aliases: AliasTable,
  valueChecks = true,
): Line {
  const words: Word[] = lexed.words.map((w) => ({
    kind: 'Word',
    value: w.value,
    raw: w.raw,
    quoted: w.quoted,
    range: lineRange(line, w.start, w.end),
  }));
  const comment: Comment | null = lexed.comment
    ? { kind: 'Comment', text: lexed.comment.text, range: lineRange(line, lexed.comment.start, lexed.comment.end) }
    : null;
  const range = lineRange(line, 0, text.length);
  if (utf8Length(text) > MAX_LINE_BYTES) {
    const d = createDiagnostic(Codes.lineTooLong, 'error', 'bufio.Scanner: token too long', range);
    return { kind: 'Line', line, text, words, comment, status: 'error', command: null, error: d.message, diagnostics: [d], range };
  }
  const r = compileLine(text, line, aliases, lexed);
  return lineFromResult(r, text, line, words, comment, range, valueChecks);
}

function lineFromResult(
  r: CompileResult,
  text: string,
  line: number,
  words: Word[],
  comment: Comment | null,
  range: Line['range'],
  valueChecks: boolean,
): Line {
  const make = (status: Line['status'], command: Line['command'], error: string, diagnostics: Diagnostic[]): Line =>
    // One plain literal (no spread of a shared base): this runs once per line.
    ({ kind: 'Line', line, text, words, comment, range, status, command, error, diagnostics });
  switch (r.kind) {
    case 'empty':
    case 'comment':
      return make(r.kind, null, '', []);
    case 'lexError':
      return make('error', null, r.error, [createDiagnostic(r.lexError.code, 'error', r.error, r.range)]);
    case 'noMatch': {
      const code =
        r.failure === 'unknown' ? Codes.unknownCommand : r.failure === 'ambiguous' ? Codes.ambiguousCommand : Codes.badArguments;
      const message = r.hint ? `${r.error} (${r.hint})` : r.error;
      const data = { minicli: r.error, ...(r.suggestion ? { suggestion: r.suggestion } : {}) };
      return make('error', null, r.error, [createDiagnostic(code, 'error', message, r.range, data)]);
    }
    case 'command':
      return make('command', r.command, '', valueChecks ? checkValues(r.command) : []);
  }
}

function utf8Length(s: string): number {
  if (s.length * 3 <= MAX_LINE_BYTES) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether a command defines or removes aliases (`.alias`, `.unalias`, possibly nested). */
export function changesAliases(command: Command | null): boolean {
  for (const c of commandChain(command)) {
    const id = c.handler.id;
    if (id === '.alias' ? c.args.list.alias !== undefined : id === '.unalias') return true;
  }
  return false;
}

/** Applies `.alias NAME=EXP` and `.unalias NAME` found anywhere in a command chain. */
export function applyAliasCommands(command: Command | CommentCommand, aliases: Map<string, string>): void {
  if (command.kind !== 'Command') return;
  for (const c of commandChain(command)) {
    if (c.handler.id === '.alias') {
      const def = parseAliasDefinition(c.args.list.alias ?? []);
      if (def) aliases.set(def[0], def[1]);
    } else if (c.handler.id === '.unalias') {
      const name = c.args.string.alias;
      if (name !== undefined) aliases.delete(name);
    }
  }
}
