/**
 * Reading what `minimega -cli` prints (shared spec cli-json.md, section 3):
 * a JSON array of handler objects in registration order. Anything else is
 * refused with one message saying what was expected where; nothing is
 * guessed. Checked against `mm`'s own pattern lexer, which must agree with
 * minicli's `parsed_patterns` item for item.
 */
import { compilePattern, type PatternItem } from '../patterns.js';

/** One handler object of the dump (cli-json.md 3.2). */
export interface CliHandler {
  readonly help_short: string;
  readonly help_long: string;
  readonly patterns: readonly string[];
  readonly shared_prefix: string;
  readonly parsed_patterns: readonly (readonly CliItem[])[];
}

/** One pattern item of the dump (cli-json.md 3.3). */
export interface CliItem {
  readonly type: number;
  readonly key?: string;
  readonly text?: string;
  readonly options?: readonly string[];
}

/** The most bytes of dump read (3.1.0's is 177 KiB; this leaves room for much larger builds). */
export const MAX_DUMP_BYTES = 16 * 1024 * 1024;
/** The most handlers a command set may have (3.1.0 has 166). */
export const MAX_HANDLERS = 10_000;
/** The most patterns one handler may have (3.1.0's largest has 48). */
export const MAX_PATTERNS_PER_HANDLER = 1_000;

/** A dump read, or why it is not one. */
export type DumpResult = { readonly ok: true; readonly handlers: readonly CliHandler[] } | { readonly ok: false; readonly error: string };

// Item type bits (cli-json.md 3.3).
const OPTIONAL = 1;
const LITERAL = 2;
const COMMAND = 4;
const STRING = 8;
const CHOICE = 16;
const LIST = 32;

/** Reads the text `minimega -cli` printed (or a saved copy of it). */
export function readCliDump(text: string): DumpResult {
  if (text.length > MAX_DUMP_BYTES) return fail(`the output is longer than ${MAX_DUMP_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`the output is not JSON (${oneLine((e as Error).message)})`);
  }
  return readHandlers(value);
}

/** Checks an already parsed value against the dump's shape. */
export function readHandlers(value: unknown): DumpResult {
  if (!Array.isArray(value)) return fail('expected a JSON array of handler objects');
  if (value.length === 0) return fail('the array holds no handler');
  if (value.length > MAX_HANDLERS) return fail(`more than ${MAX_HANDLERS} handlers`);
  const handlers: CliHandler[] = [];
  for (let i = 0; i < value.length; i++) {
    const h = readHandler(value[i]);
    if (typeof h === 'string') return fail(`handler ${i}: ${h}`);
    handlers.push(h);
  }
  return { ok: true, handlers };
}

function fail(error: string): DumpResult {
  return { ok: false, error };
}

function readHandler(v: unknown): CliHandler | string {
  if (!isObject(v)) return 'expected an object';
  for (const k of ['help_short', 'help_long', 'shared_prefix'] as const) {
    if (typeof v[k] !== 'string') return `expected "${k}" to be a string`;
  }
  // Go writes null for a nil slice (cli-json.md 3.3); it is read as empty.
  const patterns = v.patterns ?? [];
  const parsed = v.parsed_patterns ?? [];
  if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === 'string')) return 'expected "patterns" to be an array of strings';
  if (patterns.length === 0) return 'it has no pattern';
  if (patterns.length > MAX_PATTERNS_PER_HANDLER) return `more than ${MAX_PATTERNS_PER_HANDLER} patterns`;
  if (!Array.isArray(parsed) || parsed.length !== patterns.length) return 'expected "parsed_patterns" to hold one item list per pattern';
  const items: CliItem[][] = [];
  for (let j = 0; j < patterns.length; j++) {
    const got = readItems(parsed[j]);
    if (typeof got === 'string') return `pattern ${JSON.stringify(patterns[j])}: ${got}`;
    const ours = compilePattern(patterns[j] as string);
    if (!ours.ok) return `pattern ${JSON.stringify(patterns[j])} does not lex: ${ours.error}`;
    const differs = compareItems(got, ours.items);
    if (differs) return `pattern ${JSON.stringify(patterns[j])}: minicli's items differ from the pattern (${differs})`;
    items.push(got);
  }
  return {
    help_short: v.help_short as string,
    help_long: v.help_long as string,
    patterns: patterns as string[],
    shared_prefix: v.shared_prefix as string,
    parsed_patterns: items,
  };
}

function readItems(v: unknown): CliItem[] | string {
  if (!Array.isArray(v)) return 'expected an array of items';
  const out: CliItem[] = [];
  for (const it of v) {
    if (!isObject(it) || !Number.isInteger(it.type)) return 'expected items with an integer "type"';
    if (it.key !== undefined && typeof it.key !== 'string') return 'expected "key" to be a string';
    if (it.text !== undefined && typeof it.text !== 'string') return 'expected "text" to be a string';
    const options = it.options ?? undefined;
    if (options !== undefined && (!Array.isArray(options) || !options.every((o) => typeof o === 'string')))
      return 'expected "options" to be an array of strings';
    out.push({ type: it.type as number, key: it.key as string | undefined, text: it.text as string | undefined, options: options as string[] | undefined });
  }
  return out;
}

/** Where minicli's lexing and ours differ, or undefined when they agree. */
function compareItems(theirs: readonly CliItem[], ours: readonly PatternItem[]): string | undefined {
  if (theirs.length !== ours.length) return `${theirs.length} items, not ${ours.length}`;
  for (let i = 0; i < ours.length; i++) {
    const t = theirs[i]!;
    const o = ours[i]!;
    if (itemKind(t.type) !== o.type || Boolean(t.type & OPTIONAL) !== o.optional) return `item ${i + 1} has type ${t.type}`;
    if ((t.text ?? '') !== o.text || (t.key ?? '') !== o.key) return `item ${i + 1} reads ${JSON.stringify(t.text ?? '')}`;
    if ((t.options ?? []).join('\u0000') !== o.options.join('\u0000')) return `item ${i + 1} has other options`;
  }
  return undefined;
}

/** The kind a type bit set names (decoded by bits, cli-json.md 3.3). */
function itemKind(type: number): PatternItem['type'] | undefined {
  if (type & LITERAL) return 'literal';
  if (type & COMMAND) return 'command';
  if (type & CHOICE) return 'choice';
  if (type & LIST) return 'list';
  if (type & STRING) return 'string';
  return undefined;
}

/** The dump items of a pattern, as minicli would print them (for saved command sets and tests). */
export function cliItems(items: readonly PatternItem[]): CliItem[] {
  return items.map((it) => {
    const bits = { literal: LITERAL, command: COMMAND, string: STRING, choice: CHOICE, list: LIST }[it.type] | (it.optional ? OPTIONAL : 0);
    if (it.type === 'literal') return { type: bits, text: it.text };
    if (it.type === 'choice') return { type: bits, text: it.text, options: [...it.options] };
    return { type: bits, key: it.key, text: it.text };
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A parser message on one line (it may quote the input, newlines included). */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').slice(0, 200);
}
