/**
 * The language's front door: text to Script (lines, words, comments, matched
 * commands) plus every diagnostic. Every line is compiled on its own; a bad
 * line never hides problems on other lines. `.alias` / `.unalias` lines take
 * effect for the lines after them, as in minimega.
 */
import type { Command, CommentCommand, Comment, Line, Script, Word } from './ast.js';
import { commandChain, lineRange, subcommandOf } from './ast.js';
import { aliasKey, compileLine, EMPTY_ALIASES, parseAliasDefinition, type AliasTable, type CompileResult } from './compile.js';
import { lexLine, lexLines } from './lex.js';
import { commandOf, relocateLine } from './relocate.js';
import { splitLines } from './text.js';
import type { LexedLine } from './lexed-line.js';
import { createDiagnostic, type Diagnostic } from './diagnostics.js';
import { Codes } from './codes.js';
import { checkValues } from './validation/values.js';
import { createTemplate, instantiate, sameShape, shapeKey, type LineTemplate } from './shape-cache.js';
import { createShapeLine, ShapeLine } from './shape-line.js';
import { exceedsLineLimit, LINE_TOO_LONG } from './limits.js';
import { AliasMap } from './alias-map.js';

/** Options for parsing. */
export interface ParseOptions {
  /** Aliases defined before the first line (a REPL session's, for instance). */
  readonly aliases?: AliasTable;
  /** Run the argument value checks (warnings); default true. */
  readonly valueChecks?: boolean;
}

/** Parses a whole script. */
export function parseScript(text: string, options: ParseOptions = {}): { script: Script; diagnostics: Diagnostic[] } {
  const lines = parseLines(splitLines(text), new AliasMap(options.aliases ?? []), options.valueChecks ?? true, true);
  const diagnostics: Diagnostic[] = [];
  for (const l of lines) for (const d of l.diagnostics) diagnostics.push(d);
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

/**
 * Parses consecutive lines. `.alias` and `.unalias` lines take effect for the
 * lines after them (`aliases` is updated in place). Line `i` is numbered `i`
 * when `numbered`, else 0 (editors number lines by their position, so a
 * parsed line stays valid when lines above it come and go). The result starts
 * with the lines of `out` (the same array, unless it is empty). When `lazy`,
 * lines of a known shape are built when first read (see shape-line.ts) and
 * not kept in the line cache: an editor opening a long document reads little
 * of most lines.
 */
export function parseLines(
  texts: readonly string[],
  aliases: Map<string, string>,
  valueChecks = true,
  numbered = true,
  out: Line[] = [],
  lazy = false,
): Line[] {
  const key0 = aliasKey(aliases);
  let key = key0;
  const plan = planLines(texts, aliases, key0, valueChecks);
  const cache = lineCache[valueChecks ? 1 : 0]!;
  // Filled by index when it starts empty (the usual case): no growing by pushes.
  const at = out.length;
  if (at === 0) out = new Array<Line>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const known = key === key0 ? plan.known[i] : undefined;
    let l: Line;
    if (known === undefined) l = parseLine(text, numbered ? i : 0, aliases, valueChecks, key, plan.lexed.get(text));
    else {
      let l0: Line | undefined;
      if (isLine(known)) l0 = known;
      else {
        if (lazy && valueChecks) l0 = createShapeLine(known, text);
        if (!l0) remember(cache, text, (l0 = instantiate(known, text, valueChecks)));
      }
      l = numbered && i !== 0 ? relocateLine(l0, i) : l0;
    }
    if (at === 0) out[i] = l;
    else out.push(l);
    if (lineChangesAliases(l)) {
      applyAliasCommands(commandOf(l)!, aliases);
      key = aliasKey(aliases);
    }
  }
  return out;
}

const isLine = (x: Line | LineTemplate): x is Line => (x as Line).kind === 'Line';

/** What is known of each line before the walk, under the aliases in force at the start. */
interface LinePlan {
  /** The line (at line 0) from the cache, or the template of its shape. */
  readonly known: (Line | LineTemplate | undefined)[];
  /** Texts lexed in one pass, for the lines known neither way. */
  readonly lexed: Map<string, LexedLine>;
}

/**
 * Looks every line up in the caches once, and lexes in one pass the distinct
 * texts they cannot answer (lexing does not depend on aliases; lines after an
 * alias change are looked up again and, when missing, lexed on their own).
 * The first line of each shape not seen yet is parsed first, so that the
 * other lines of that shape come from its template or, when it cannot be
 * one, are lexed in the same pass as the rest.
 */
function planLines(texts: readonly string[], aliases: AliasTable, key: string, valueChecks: boolean): LinePlan {
  const cache = lineCache[valueChecks ? 1 : 0]!;
  const known = new Array<Line | LineTemplate | undefined>(texts.length);
  const missing = new Set<string>();
  // The first line of each shape without a template yet, by shape number.
  const newShapes = new Map<number, string>();
  // The shape number of each later line of those shapes, else -1 (typed: no growth, no boxing).
  const pending = new Int32Array(texts.length).fill(-1);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (t.length > MAX_CACHED_LINE) continue;
    const hit = cache.get(cacheKey(key, t));
    if (hit) {
      known[i] = hit;
      continue;
    }
    const shape = key === '' ? shapeKey(t) : -1;
    const template = shape < 0 ? null : templateOf(t, shape);
    if (template) known[i] = template;
    else if (template === undefined) {
      const first = newShapes.get(shape);
      if (first === undefined) newShapes.set(shape, t);
      else if (first !== t) pending[i] = shape;
    } else missing.add(t);
  }
  if (newShapes.size > 0) {
    const first = [...newShapes.values()];
    const lexed = lexLines(first);
    for (let i = 0; i < first.length; i++) parseLine(first[i]!, 0, aliases, valueChecks, key, lexed[i]);
    for (let i = 0; i < texts.length; i++) {
      const shape = pending[i]!;
      if (shape < 0) continue;
      const template = templateOf(texts[i]!, shape);
      if (template) known[i] = template;
      else missing.add(texts[i]!);
    }
  }
  const distinct = [...missing];
  const lexed = lexLines(distinct);
  const out = new Map<string, LexedLine>();
  for (let i = 0; i < distinct.length; i++) out.set(distinct[i]!, lexed[i]!);
  return { known, lexed: out };
}

function cacheKey(key: string, text: string): string {
  return key === '' ? text : `${key}\u0000${text}`;
}

// What a line means depends only on its text (and the aliases, when any are
// defined), so each distinct text is lexed and matched once and moved to the
// line it appears on. Scripts repeat lines a lot; editors re-parse them often.
const lineCache = [new Map<string, Line>(), new Map<string, Line>()];
const LINE_CACHE_SIZE = 50_000;
const MAX_CACHED_LINE = 4096;

// Templates by shape number (see shape-cache.ts), with the text they were made
// from (numbers may collide); a null template: that shape has none.
const templates = new Map<number, { readonly text: string; readonly template: LineTemplate | null }>();

/** The template of the text's shape, null when that shape has none, undefined when it has not been seen. */
function templateOf(text: string, shape: number): LineTemplate | null | undefined {
  const entry = templates.get(shape);
  if (!entry) return undefined;
  // Another shape with the same number: the line is parsed on its own.
  return sameShape(entry.text, text) ? entry.template : null;
}

/** Forgets every cached line and template (benchmarks measure the cold path with it). */
export function clearLineCache(): void {
  for (const c of lineCache) c.clear();
  templates.clear();
}

/**
 * One line of a script at line number `line` (`key` is `aliasKey(aliases)`,
 * for callers that keep it; `lexed`, the text already lexed). Lines are immutable, so cached
 * results are shared; only their ranges are rebuilt for the line number.
 */
export function parseLine(
  text: string,
  line: number,
  aliases: AliasTable,
  valueChecks = true,
  key = aliasKey(aliases),
  lexed?: LexedLine,
): Line {
  // Long lines are rare and would make the cache hold a lot of text; lines over
  // the limit are not even lexed (an editor re-parses the line on every keystroke).
  if (text.length > MAX_CACHED_LINE) return exceedsLineLimit(text) ? tooLongLine(text, line) : buildLine(text, line, lexed ?? lexLine(text), aliases, valueChecks);
  const cache = lineCache[valueChecks ? 1 : 0]!;
  const k = cacheKey(key, text);
  let l0 = cache.get(k);
  if (!l0) {
    const shape = key === '' ? shapeKey(text) : -1;
    l0 = shape < 0 ? undefined : lineOfShape(text, shape, valueChecks, lexed);
    l0 ??= buildLine(text, 0, lexed ?? lexLine(text), aliases, valueChecks);
    remember(cache, k, l0);
  }
  return line === 0 ? l0 : relocateLine(l0, line);
}

/**
 * The line of `text` (no aliases, no value checks, line 0) from the template
 * of its shape; undefined when the text has no shape or its shape no
 * template. Front ends that run generated scripts see many distinct lines of
 * few shapes.
 */
export function lineFromShape(text: string): Line | undefined {
  const shape = text.length > MAX_CACHED_LINE ? -1 : shapeKey(text);
  return shape < 0 ? undefined : lineOfShape(text, shape, false);
}

/**
 * The line of `text` (no aliases, line 0) rebuilt from the template of
 * `shape`, or built from the text and made the template when the shape is
 * new; undefined when the shape has no template.
 */
function lineOfShape(text: string, shape: number, valueChecks: boolean, lexed?: LexedLine): Line | undefined {
  const template = templateOf(text, shape);
  if (template) return instantiate(template, text, valueChecks);
  if (template === null) return undefined;
  const l0 = buildLine(text, 0, lexed ?? lexLine(text), EMPTY_ALIASES, valueChecks);
  if (templates.size >= LINE_CACHE_SIZE) templates.clear();
  templates.set(shape, { text, template: createTemplate(l0) });
  return l0;
}

function remember(cache: Map<string, Line>, key: string, line: Line): void {
  if (cache.size >= LINE_CACHE_SIZE) cache.clear();
  cache.set(key, line);
}

/** A line over MAX_LINE_BYTES: one error, and nothing lexed or matched. */
function tooLongLine(text: string, line: number): Line {
  const range = lineRange(line, 0, text.length);
  const d = createDiagnostic(Codes.lineTooLong, 'error', LINE_TOO_LONG, range);
  return { kind: 'Line', line, text, words: [], comment: null, status: 'error', command: null, error: d.message, diagnostics: [d], range };
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
  if (exceedsLineLimit(text)) return tooLongLine(text, line);
  const r = compileLine(text, line, aliases, lexed, words);
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

/** Whether a command defines or removes aliases (`.alias`, `.unalias`, possibly nested). */
export function changesAliases(command: Command | null): boolean {
  // A plain loop, not commandChain's generator: this runs for every line.
  for (let c = command; c; c = subcommandOf(c)) {
    const id = c.handler.id;
    if (id === '.alias' ? c.args.list.alias !== undefined : id === '.unalias') return true;
  }
  return false;
}

/**
 * Whether a line defines or removes aliases. A line built when read never
 * does (shape-line.ts) and is not built to tell; a relocated line is asked
 * without moving its command.
 */
export function lineChangesAliases(l: Line): boolean {
  return l.status === 'command' && !(l instanceof ShapeLine) && changesAliases(commandOf(l));
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
