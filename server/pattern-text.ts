/**
 * How hover and signature help show a pattern: minicli's canonical rendering,
 * item by item, with offsets so that one item can be highlighted; and what a
 * handler category means when a namespace is active.
 */
import { type Category, type Dialect, type HandlerSpec, type PatternItem, renderPattern } from '../language/index.js';

/** A rendered pattern and the [start, end) offsets of each item in it. */
export interface RenderedPattern {
  readonly label: string;
  readonly offsets: readonly (readonly [number, number])[];
}

/** Renders a pattern keeping each item's offsets. */
export function renderWithOffsets(items: readonly PatternItem[]): RenderedPattern {
  const offsets: [number, number][] = [];
  let label = '';
  for (const it of items) {
    if (label !== '') label += ' ';
    const text = renderPattern([it]);
    offsets.push([label.length, label.length + text.length]);
    label += text;
  }
  return { label, offsets };
}

/** The pattern as Markdown, the active item in bold. */
export function patternMarkdown(items: readonly PatternItem[], active: number): string {
  return items
    .map((it, i) => {
      const code = '`' + renderPattern([it]) + '`';
      return i === active ? `**${code}**` : code;
    })
    .join(' ');
}

const CATEGORY_TEXT: Record<Category, string> = {
  local: 'runs on this node only, even when a namespace is active.',
  broadcast:
    'with a namespace active, every host of the namespace runs it and the answers are merged into one table; without a namespace it runs on this node.',
  vmtarget:
    'with a namespace active, every host of the namespace runs it; hosts without the VM stay silent and `vm not found` is reported only when no host has it. Without a namespace it runs on this node.',
  special: 'handles namespaces in its own way.',
};

/** What the handler's category means under a namespace, one paragraph. */
export function categoryMarkdown(h: HandlerSpec): string {
  // An imported command no built-in dialect has: its dump does not say (cli-json.md 6).
  if (h.imported && h.imported.factsFrom === undefined) {
    return '*category unknown*: an imported command `mm` does not know; what it does with a namespace active, its argument values and its checks are unknown.';
  }
  const text = h.category === 'special' ? (h.namespaceBehaviour ?? CATEGORY_TEXT.special) : CATEGORY_TEXT[h.category];
  const name = h.category === 'vmtarget' ? 'VM target' : h.category;
  return `*${name}*: ${text}`;
}

/** An imported command's own help, as the minimega binary its dialect came from gives it. */
export function importedHelpMarkdown(h: HandlerSpec, dialect: Dialect): string | undefined {
  const text = h.imported ? h.imported.helpLong || h.imported.helpShort : '';
  if (!text || !dialect.imported) return undefined;
  const minimega = `minimega ${dialect.imported.minimegaVersion ?? '(version unknown)'}`;
  const quoted = text
    .split('\n')
    .map((l) => `> ${l.replace(/[\\`*_[\]<>#]/g, '\\$&')}`)
    .join('\n');
  return `Help from ${minimega}:\n\n${quoted}`;
}
