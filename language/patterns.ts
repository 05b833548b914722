/**
 * minicli 2.3's pattern syntax: pattern strings to items. Reproduces the
 * pattern lexer exactly, including its error strings and its leniencies.
 */
import { isGoSpace } from './text.js';

export type ItemType = 'literal' | 'string' | 'choice' | 'list' | 'command';

/** One item of a compiled pattern. */
export interface PatternItem {
  readonly type: ItemType;
  readonly optional: boolean;
  /** Argument key: first word inside the brackets ("" for literals and choices). */
  readonly key: string;
  /** Literal text, or the whole bracket text (`name or count`, `true,false`). */
  readonly text: string;
  /** Choice options (empty for other kinds). */
  readonly options: readonly string[];
}

/** A compiled pattern or the pattern lexer's error. */
export type PatternResult = { readonly ok: true; readonly items: readonly PatternItem[] } | { readonly ok: false; readonly error: string };

const CLOSERS: Record<string, string> = { '<': '>', '[': ']', '(': ')' };

/**
 * Compiles a pattern string as minicli's pattern lexer does. It reads UTF-16
 * units, not code points: every character it looks for is ASCII or a Go
 * space (all in the BMP), and text is cut out of the pattern in slices, so a
 * surrogate pair is never split (and the catalog compiles at start-up without
 * building a string per character).
 */
export function compilePattern(pattern: string): PatternResult {
  const items: PatternItem[] = [];
  let i = 0;
  let literal = -1;
  const flush = (end: number): void => {
    if (literal >= 0) items.push({ type: 'literal', optional: false, key: '', text: pattern.slice(literal, end), options: [] });
    literal = -1;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (isGoSpace(c)) {
      flush(i++);
      continue;
    }
    if (c === '"' || c === "'") return { ok: false, error: 'single and double quotes are not allowed' };
    if (c === '<' || c === '[' || c === '(') {
      flush(i);
      const r = lexBracket(pattern, i + 1, c);
      if ('error' in r) return { ok: false, error: r.error };
      items.push(r.item);
      i = r.next;
      if (r.mustEnd) {
        if (i < pattern.length) return { ok: false, error: 'trailing characters when EOF expected' };
      }
      continue;
    }
    if (literal < 0) literal = i;
    i++;
  }
  flush(i);
  return { ok: true, items };
}

interface BracketOk {
  readonly item: PatternItem;
  readonly next: number;
  readonly mustEnd: boolean;
}

/** The item whose text starts at `start`, after the opening bracket `open`. */
function lexBracket(pattern: string, start: number, open: string): BracketOk | { error: string } {
  const closer = CLOSERS[open]!;
  const optional = open === '[';
  const isCommand = open === '(';
  let i = start;
  // Key part.
  for (;;) {
    if (i >= pattern.length) return { error: `missing terminal ${closer}` };
    const c = pattern[i++]!;
    if (c === ',') return lexChoice(pattern, start, i, closer, optional);
    if (c === '<' || c === '[' || c === '(') return { error: 'cannot nest items' };
    if (c === '"' || c === "'") return { error: 'single and double quotes are not allowed' };
    if (isGoSpace(c)) {
      // Free documentation text up to the closer; the key stays the first word.
      const key = pattern.slice(start, i - 1);
      for (;;) {
        if (i >= pattern.length) return { error: `missing terminal ${closer}` };
        const d = pattern[i++]!;
        if (d === closer) break;
        if (d === '<' || d === '[' || d === '(') return { error: 'cannot nest items' };
        if (d === '"' || d === "'") return { error: 'single and double quotes are not allowed' };
      }
      const doc = pattern.slice(start, i - 1);
      const suffix = readSuffix(pattern, i);
      if (suffix.text !== '' && suffix.text !== '...') return { error: `invalid trailing characters after ${closer}` };
      const list = suffix.text === '...';
      const type = list ? 'list' : isCommand ? 'command' : 'string';
      return {
        item: { type, optional, key, text: doc, options: [] },
        next: suffix.next,
        mustEnd: list,
      };
    }
    if (c === closer) break;
  }
  const text = pattern.slice(start, i - 1);
  if (isCommand) {
    return { item: { type: 'command', optional: false, key: text, text, options: [] }, next: i, mustEnd: true };
  }
  const suffix = readSuffix(pattern, i);
  if (suffix.text !== '' && suffix.text !== '...') return { error: `invalid trailing characters after ${closer}` };
  const list = suffix.text === '...';
  return {
    item: { type: list ? 'list' : 'string', optional, key: text, text, options: [] },
    next: suffix.next,
    mustEnd: optional || list,
  };
}

/** Reads characters up to the next white space, consuming that one white space. */
function readSuffix(pattern: string, i: number): { text: string; next: number } {
  const start = i;
  while (i < pattern.length && !isGoSpace(pattern[i]!)) i++;
  const text = pattern.slice(start, i);
  if (i < pattern.length) i++;
  return { text, next: i };
}

/** A choice item whose text starts at `start`; its first comma is just before `at`. */
function lexChoice(pattern: string, start: number, at: number, closer: string, optional: boolean): BracketOk | { error: string } {
  const options = [pattern.slice(start, at - 1)];
  let i = at;
  let current = at;
  for (;;) {
    if (i >= pattern.length) return { error: `missing terminal ${closer}` };
    const c = pattern[i++]!;
    if (c === closer) break;
    if (c === ',') {
      options.push(pattern.slice(current, i - 1));
      current = i;
      continue;
    }
    if (isGoSpace(c)) return { error: 'spaces not allowed in multiple choice' };
    if (c === '<' || c === '[' || c === '(') return { error: 'cannot nest items' };
    if (c === '"' || c === "'") return { error: 'single and double quotes are not allowed' };
  }
  const raw = pattern.slice(start, i - 1);
  if (i - 1 > current) options.push(pattern.slice(current, i - 1));
  let next = i;
  if (optional) {
    // The one white space after an optional item is consumed before EOF is enforced.
    if (next < pattern.length && isGoSpace(pattern[next]!)) next++;
  }
  return {
    item: { type: 'choice', optional, key: '', text: raw, options },
    next,
    mustEnd: optional,
  };
}

/** minicli's canonical rendering of a pattern (help and `-cli` output). */
export function renderPattern(items: readonly PatternItem[]): string {
  return items
    .map((it) => {
      switch (it.type) {
        case 'literal':
          return it.text;
        case 'string':
          return it.optional ? `[${it.text}]` : `<${it.text}>`;
        case 'choice':
          if (it.optional) return `[${it.text}]`;
          return it.options.length === 1 ? it.options[0]! : `<${it.text}>`;
        case 'list':
          return it.optional ? `[${it.text}]...` : `<${it.text}>...`;
        // 'command': the last item kind.
        default:
          return `(${it.text})`;
      }
    })
    .join(' ');
}
