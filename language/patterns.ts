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

/** Compiles a pattern string as minicli's pattern lexer does. */
export function compilePattern(pattern: string): PatternResult {
  const chars = Array.from(pattern);
  const items: PatternItem[] = [];
  let i = 0;
  let literal = '';
  const flush = (): void => {
    if (literal !== '') items.push({ type: 'literal', optional: false, key: '', text: literal, options: [] });
    literal = '';
  };
  while (i < chars.length) {
    const c = chars[i++]!;
    if (isGoSpace(c)) {
      flush();
      continue;
    }
    if (c === '"' || c === "'") return { ok: false, error: 'single and double quotes are not allowed' };
    if (c === '<' || c === '[' || c === '(') {
      flush();
      const r = lexBracket(chars, i, c);
      if ('error' in r) return { ok: false, error: r.error };
      items.push(r.item);
      i = r.next;
      if (r.mustEnd) {
        if (i < chars.length) return { ok: false, error: 'trailing characters when EOF expected' };
      }
      continue;
    }
    literal += c;
  }
  flush();
  return { ok: true, items };
}

interface BracketOk {
  readonly item: PatternItem;
  readonly next: number;
  readonly mustEnd: boolean;
}

function lexBracket(chars: string[], start: number, open: string): BracketOk | { error: string } {
  const closer = CLOSERS[open]!;
  const optional = open === '[';
  const isCommand = open === '(';
  let i = start;
  let text = '';
  // Key part.
  for (;;) {
    if (i >= chars.length) return { error: `missing terminal ${closer}` };
    const c = chars[i++]!;
    if (c === ',') return lexChoice(chars, i, text, closer, optional);
    if (c === '<' || c === '[' || c === '(') return { error: 'cannot nest items' };
    if (c === '"' || c === "'") return { error: 'single and double quotes are not allowed' };
    if (isGoSpace(c)) {
      // Free documentation text up to the closer; the key stays the first word.
      const key = text;
      let doc = text + c;
      for (;;) {
        if (i >= chars.length) return { error: `missing terminal ${closer}` };
        const d = chars[i++]!;
        if (d === closer) break;
        if (d === '<' || d === '[' || d === '(') return { error: 'cannot nest items' };
        if (d === '"' || d === "'") return { error: 'single and double quotes are not allowed' };
        doc += d;
      }
      const suffix = readSuffix(chars, i);
      if (suffix.text !== '' && suffix.text !== '...') return { error: `invalid trailing characters after ${closer}` };
      const list = suffix.text === '...';
      const type = list ? 'list' : isCommand ? 'command' : 'string';
      return {
        item: { type, optional: list ? optional : optional, key, text: doc, options: [] },
        next: suffix.next,
        mustEnd: list,
      };
    }
    if (c === closer) break;
    text += c;
  }
  if (isCommand) {
    return { item: { type: 'command', optional: false, key: text, text, options: [] }, next: i, mustEnd: true };
  }
  const suffix = readSuffix(chars, i);
  if (suffix.text !== '' && suffix.text !== '...') return { error: `invalid trailing characters after ${closer}` };
  const list = suffix.text === '...';
  return {
    item: { type: list ? 'list' : 'string', optional, key: text, text, options: [] },
    next: suffix.next,
    mustEnd: optional || list,
  };
}

/** Reads characters up to the next white space, consuming that one white space. */
function readSuffix(chars: string[], i: number): { text: string; next: number } {
  let text = '';
  while (i < chars.length && !isGoSpace(chars[i]!)) text += chars[i++]!;
  if (i < chars.length) i++;
  return { text, next: i };
}

function lexChoice(chars: string[], start: number, first: string, closer: string, optional: boolean): BracketOk | { error: string } {
  const options = [first];
  let i = start;
  let current = '';
  let raw = first + ',';
  for (;;) {
    if (i >= chars.length) return { error: `missing terminal ${closer}` };
    const c = chars[i++]!;
    if (c === closer) break;
    if (c === ',') {
      options.push(current);
      current = '';
      raw += ',';
      continue;
    }
    if (isGoSpace(c)) return { error: 'spaces not allowed in multiple choice' };
    if (c === '<' || c === '[' || c === '(') return { error: 'cannot nest items' };
    if (c === '"' || c === "'") return { error: 'single and double quotes are not allowed' };
    current += c;
    raw += c;
  }
  if (current !== '') options.push(current);
  let next = i;
  if (optional) {
    // The one white space after an optional item is consumed before EOF is enforced.
    if (next < chars.length && isGoSpace(chars[next]!)) next++;
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
