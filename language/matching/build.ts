/**
 * Building the command of a pattern that matched. Commands are immutable and
 * retained (a document keeps every line's), so what many commands hold alike
 * is shared: empty argument maps, word-to-item indexes, a one-word range.
 * Fewer objects per line is less for the young generation to copy.
 */
import type { Command, CommentCommand, Word } from '../ast.js';
import type { CompiledHandler, CompiledPattern } from '../catalog/index.js';

const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze({});
const NO_BOOLS: Readonly<Record<string, boolean>> = Object.freeze({});
const NO_LISTS: Readonly<Record<string, readonly string[]>> = Object.freeze({});
const NO_ARGS: Command['args'] = Object.freeze({ string: NO_STRINGS, bool: NO_BOOLS, list: NO_LISTS });
const NO_RANGE: Command['range'] = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

const MAX_SHARED_WORD_ITEMS = 32;

/** The one option `w` abbreviates, or undefined when none or several do. */
export function uniqueOption(options: readonly string[], w: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (!o.startsWith(w)) continue;
    if (found !== undefined) return undefined;
    found = o;
  }
  return found;
}

/**
 * The option a choice word chose: the one it spells out, else the one it
 * abbreviates (a matcher only builds commands whose choices it accepted).
 */
export function chosenOption(options: readonly string[], w: string): string | undefined {
  return options.includes(w) ? w : uniqueOption(options, w);
}

/**
 * Builds commands, sharing `wordItems` arrays by pattern and number of words.
 * `firstStringWins`: when two string items share a key, the first one's word
 * is kept (minicli 3.1 fills them on the way back from the deepest level);
 * else the last one's (2.3).
 */
export class CommandBuilder {
  private readonly wordItems = new Map<CompiledPattern, (readonly number[] | undefined)[]>();

  constructor(private readonly firstStringWins = false) {}

  /** `wordItems` of a command of `p` with `own` words, the last `own - end` of them in the list item `end`. */
  private wordItemsOf(p: CompiledPattern, end: number, own: number): readonly number[] {
    let byOwn = own <= MAX_SHARED_WORD_ITEMS ? this.wordItems.get(p) : undefined;
    const known = byOwn?.[own];
    if (known) return known;
    const out = new Array<number>(own);
    for (let i = 0; i < own; i++) out[i] = Math.min(i, end);
    if (own > MAX_SHARED_WORD_ITEMS) return out;
    if (!byOwn) this.wordItems.set(p, (byOwn = []));
    byOwn[own] = Object.freeze(out);
    return out;
  }

  /**
   * The command for a pattern that matched: `end` is the number of words
   * matched by items before a `(command)` or list item that takes the rest
   * (words.length when none does), `sub` the nested command.
   */
  build(h: CompiledHandler, p: CompiledPattern, text: string, words: Word[], end: number, sub: Command | CommentCommand | null): Command {
    const items = p.items;
    const n = words.length;
    let str: Record<string, string> | undefined;
    let bool: Record<string, boolean> | undefined;
    let list: Record<string, string[]> | undefined;
    let apropos = false;
    for (let i = 0; i < end; i++) {
      const item = items[i]!;
      const w = words[i]!.value;
      if (item.type === 'literal') {
        if (w !== item.text) apropos = true;
      } else if (item.type === 'string') {
        str ??= {};
        if (!this.firstStringWins || !(item.key in str)) str[item.key] = w;
      } else {
        const o = chosenOption(item.options, w)!;
        (bool ??= {})[o] = true;
        if (o !== w) apropos = true;
      }
    }
    let own = end;
    if (end < n && items[end]!.type === 'list') {
      const values = new Array<string>(n - end);
      for (let j = end; j < n; j++) values[j - end] = words[j]!.value;
      list = { [items[end]!.key]: values };
      own = n;
    }
    const args = str || bool || list ? { string: str ?? NO_STRINGS, bool: bool ?? NO_BOOLS, list: list ?? NO_LISTS } : NO_ARGS;
    const first = words[0];
    const last = words[n - 1];
    return {
      kind: 'Command',
      handler: h.spec,
      handlerIndex: h.index,
      pattern: p.text,
      patternIndex: p.index,
      items,
      args,
      subcommand: sub,
      original: text,
      // Words are immutable: the line's own array serves when the command has them all.
      words: own === n ? words : words.slice(0, own),
      wordItems: this.wordItemsOf(p, end, own),
      apropos,
      range: !first || !last ? NO_RANGE : first === last ? first.range : { start: first.range.start, end: last.range.end },
    };
  }
}
