/**
 * What a node answers when a socket client asks to complete a partial line,
 * as a minimega 3.1 daemon answers `Suggest`: whole lines, each the line
 * with its last word completed and a space after it (none after a word
 * ending in `/`). The words are minicli's suggestions for the line (command
 * words, choices, and the node's names where minimega's handlers complete
 * them); when there are none, a `$` word completes from the node's
 * environment, and a line ending in a space gets the files directory.
 *
 * Unlike minimega, the host's file system is never listed: clients only
 * learn about the node's files directory (decision 16).
 */
import { completeLine } from '../language/completion.js';
import { isGoSpace } from '../language/text.js';
import { createNodeNames } from './node-names.js';
import type { SimNode } from './sim-node.js';

/** minimega's default files directory (`-filepath`), the path a simulated node prints. */
const FILES_PATH = '/tmp/minimega/files';

/** The whole-line candidates for `line` on `node`, sorted. */
export function suggestWholeLines(node: SimNode, line: string): string[] {
  const prefix = withoutLastWord(line);
  const words = minicliWords(node, line);
  if (words.length > 0) return words.map((w) => prefix + w + (w.endsWith('/') ? '' : ' '));
  const last = line.slice(prefix.length);
  if (last === '') return line === '' ? [] : [line + FILES_PATH + '/'];
  if (last.startsWith('$')) return environmentWords(node, last.slice(1)).map((w) => prefix + w + ' ');
  return [];
}

/** The line without its last run of non-space characters (nothing removed when it ends in a space). */
function withoutLastWord(line: string): string {
  let i = line.length;
  while (i > 0 && !isGoSpace(line[i - 1]!)) i--;
  return line.slice(0, i);
}

/**
 * minicli's words for the line: the language's completion without what only
 * an editor offers (placeholders, example values from the catalog).
 */
function minicliWords(node: SimNode, line: string): string[] {
  const words = new Set<string>();
  for (const c of completeLine(line, line.length, createNodeNames(node))) {
    if (c.hint || c.kind === 'value') continue;
    words.add(c.label);
  }
  return [...words].sort();
}

function environmentWords(node: SimNode, partial: string): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(node.env)) {
    if (value !== undefined && name.startsWith(partial)) out.push('$' + name);
  }
  return out.sort();
}
