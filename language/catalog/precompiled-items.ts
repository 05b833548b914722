/**
 * Compiled pattern items as compact plain data, for catalogs compiled ahead by
 * the build (`precompileHandlers`): a literal is its text, any other item a
 * tuple. A third of the size of the items themselves as JSON, which a short
 * command reads (and parses) at every start-up.
 */
import type { ItemType, PatternItem } from '../patterns.js';

/** One item: a literal's text, or [type, optional, key, text, options]. */
export type PrecompiledItem = string | readonly [Exclude<ItemType, 'literal'>, 0 | 1, string, string, readonly string[]];

/** An item as compact data. */
export function encodeItem(item: PatternItem): PrecompiledItem {
  if (item.type === 'literal') return item.text;
  return [item.type, item.optional ? 1 : 0, item.key, item.text, item.options];
}

/** The item of compact data (what `compilePattern` gave). */
export function decodeItem(x: PrecompiledItem): PatternItem {
  if (typeof x === 'string') return { type: 'literal', optional: false, key: '', text: x, options: [] };
  return { type: x[0], optional: x[1] === 1, key: x[2], text: x[3], options: x[4] };
}
