/**
 * Lines that differ only in their digits mean the same thing: the lexer treats
 * every digit alike, and the matcher only compares words with catalog
 * keywords, which (but for a few, see `digitKeywords`) hold no digit. So a
 * line's "shape" (every ASCII digit read as 0) decides how it lexes and
 * matches, and a line parsed once serves as a template (template.ts) for
 * every other line of its shape. Scripts written by generators (`vm launch
 * kvm web12`, `vlans add lan12 112`) are mostly such lines.
 */
import type { Catalog } from '../catalog/index.js';
import { GO_SPACE_CLASS } from '../text.js';

/**
 * Catalog keywords with a digit (`qcow2`, `interfaces6`, `ospf3`): a word that
 * abbreviates one of them past its first digit matches or not depending on
 * that digit, so lines holding such a word make no template. (The pattern
 * matches a line exactly when it matches the line's shape: it is tested once
 * per shape.) Null when the catalog has none.
 */
export function digitKeywords(catalog: Catalog): RegExp | null {
  const stems = new Set<string>();
  for (const h of catalog.handlers) {
    for (const p of h.patterns) {
      for (const item of p.items) {
        const words = item.type === 'literal' ? [item.text] : item.type === 'choice' ? item.options : [];
        for (const w of words) {
          const d = w.search(/[0-9]/);
          if (d >= 0) stems.add(w.slice(0, d).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        }
      }
    }
  }
  if (stems.size === 0) return null;
  return new RegExp(`(?:^|[${GO_SPACE_CLASS}])(?:${[...stems].join('|')})[0-9]`);
}

/**
 * A number for the line's shape (a hash of the text with every ASCII digit
 * read as 0), or -1 when the line holds no digit (its text is its shape: it
 * is cached by its text). Lines of one shape have one number; lines with one
 * number may still differ in shape (`sameShape` tells). A loop rather than a
 * string with the digits replaced: this runs for every line of a document that
 * opens, and makes no garbage.
 */
export function shapeKey(text: string): number {
  let h = 0x811c9dc5;
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      c = 0x30;
      digits = true;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  // 30 bits: a small integer, never a boxed number.
  return digits ? h >>> 2 : -1;
}

/** Whether two texts have the same shape (equal but for which ASCII digit stands where). */
export function sameShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && !(x >= 0x30 && x <= 0x39 && y >= 0x30 && y <= 0x39)) return false;
  }
  return true;
}
