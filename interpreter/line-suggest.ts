/**
 * What a node answers when a socket client asks to complete a partial line,
 * as a minimega 3.1 daemon answers `Suggest`: whole lines, each the line
 * with its last word completed and a space after it (none after a word
 * ending in `/`). The words are minicli's suggestions for the line (command
 * words, choices, and the node's names where minimega's handlers complete
 * them); when there are none, a `$` word completes from the node's
 * environment, another word from the node's files directory, and a line
 * ending in a space gets the files directory itself.
 *
 * Unlike minimega, the host's file system is never listed: clients only
 * learn about the node's files directory (decision 16).
 */
import { posix } from 'node:path';
import { isGoSpace } from '../language/index.js';
import { createNodeNames } from './node-names.js';
import type { SimNode } from './sim-node.js';

/** The whole-line candidates for `line` on `node`, sorted. */
export function suggestWholeLines(node: SimNode, line: string): string[] {
  const prefix = withoutLastWord(line);
  const last = line.slice(prefix.length);
  let words = minicliWords(node, line);
  if (words.length === 0 && last !== '') words = last.startsWith('$') ? environmentWords(node, last.slice(1)) : fileWords(node, last);
  if (words.length === 0 && last === '' && line !== '') return [line + filesRoot(node)];
  return words.map((w) => prefix + w + (w.endsWith('/') ? '' : ' '));
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
  for (const c of node.language.complete(line, line.length, createNodeNames(node)).candidates) {
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

/**
 * Paths in the files directory that start with `partial`: relative to it
 * (as minimega's file store names them) or absolute under its printed path,
 * as `partial` is written; directories end in `/`.
 */
function fileWords(node: SimNode, partial: string): string[] {
  const { files } = node;
  const root = filesRoot(node);
  const absolute = partial.startsWith('/');
  if (absolute && !partial.startsWith(root)) return root.startsWith(partial) ? [root] : [];
  const printed = absolute ? partial : posix.join(files.path, partial);
  const dir = partial.endsWith('/') ? printed : posix.dirname(printed);
  const base = partial.endsWith('/') ? '' : posix.basename(printed);
  const out: string[] = [];
  for (const e of files.list(dir) ?? []) {
    if (!posix.basename(e.name).startsWith(base)) continue;
    const name = e.name + (e.dir ? '/' : '');
    out.push(absolute ? root + name : name);
  }
  return out.sort();
}

/** The files directory's printed path with one final `/`. */
function filesRoot(node: SimNode): string {
  return node.files.path.endsWith('/') ? node.files.path : node.files.path + '/';
}
