/**
 * Small helpers for writing the catalog's user-facing texts: paragraphs,
 * example blocks and the standard sentences about namespaces, so that
 * every handler says them the same way.
 *
 * Texts are plain text that reads well in a terminal and renders as
 * Markdown: code and placeholders go in backticks, examples are indented
 * by four spaces.
 */

/** Joins paragraphs with a blank line. */
export function paras(...paragraphs: readonly string[]): string {
  return paragraphs.filter((p) => p !== '').join('\n\n');
}

/** An example block: each line indented by four spaces (a code block in Markdown). */
export function example(...lines: readonly string[]): string {
  return lines.map((l) => `    ${l}`).join('\n');
}

/** The namespace sentence of a `local` handler. */
export const nsLocal = 'Namespaces: runs only on this node, even when a namespace is active.';

/** The namespace sentence of a `broadcast` handler. */
export const nsBroadcast =
  'Namespaces: with a namespace active, every host of the namespace runs it and the answers are merged into one output; without a namespace it runs only on this node.';

/** The namespace sentence of a `vmtarget` handler. */
export const nsVmTarget =
  'Namespaces: with a namespace active, every host of the namespace runs it. Hosts that have no such VM stay silent; `vm not found` is reported only when no host has it. Without a namespace it runs only on this node.';
