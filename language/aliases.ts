/**
 * Aliases as minicli 2.3 keeps them: `.alias NAME=EXPANSION` defines one for
 * the lines after it, `.unalias NAME` removes it, and a line that starts with
 * a name has that name replaced by its expansion before it is lexed.
 */
import { commandAt, commandChain, type Command, type CommentCommand, type Line } from './ast.js';
import { AliasMap } from './alias-map.js';
import type { AliasTable } from './compile-result.js';

export type { AliasTable } from './compile-result.js';

/** The empty table (most lines compile under it). */
export const EMPTY_ALIASES: ReadonlyMap<string, string> = new Map<string, string>();

/** A key for an alias table ("" when empty): what a line means depends on it. */
export function aliasKey(aliases: AliasTable): string {
  if (aliases instanceof AliasMap) return aliases.key();
  return aliases.size === 0 ? '' : JSON.stringify([...aliases]);
}

/**
 * `.alias` arguments: the words joined with single spaces and split at the
 * first `=` into name and expansion, both untrimmed; undefined without `=`.
 */
export function parseAliasDefinition(words: readonly string[]): [string, string] | undefined {
  const joined = words.join(' ');
  const eq = joined.indexOf('=');
  return eq < 0 ? undefined : [joined.slice(0, eq), joined.slice(eq + 1)];
}

/** Finds the alias to expand: the longest name that prefixes the text (ties: first defined). */
export function findAlias(text: string, aliases: AliasTable): [string, string] | undefined {
  if (aliases instanceof AliasMap) return aliases.longestPrefix(text);
  let best: [string, string] | undefined;
  for (const [name, exp] of aliases) {
    if (text.startsWith(name) && (!best || name.length > best[0].length)) best = [name, exp];
  }
  return best;
}

/**
 * Whether a line defines or removes aliases (`.alias NAME=EXP` or `.unalias
 * NAME`, at any level of its chain). Asked of every line parsed: the chain is
 * read by level, and a command is built only for an `.alias` line.
 */
export function changesAliases(line: Line): boolean {
  for (let level = 0; ; level++) {
    const handler = line.handlerAt(level);
    if (handler === undefined) return false;
    if (handler.role === 'unalias') return true;
    if (handler.role === 'alias' && commandAt(line.command, level)!.args.list.alias !== undefined) return true;
  }
}

/** Applies `.alias NAME=EXP` and `.unalias NAME` found anywhere in a command chain. */
export function applyAliasCommands(command: Command | CommentCommand, aliases: Map<string, string>): void {
  if (command.kind !== 'Command') return;
  for (const c of commandChain(command)) {
    if (c.handler.role === 'alias') {
      const def = parseAliasDefinition(c.args.list.alias ?? []);
      if (def) aliases.set(def[0], def[1]);
    } else if (c.handler.role === 'unalias') {
      const name = c.args.string.alias;
      if (name !== undefined) aliases.delete(name);
    }
  }
}
