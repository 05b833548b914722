/**
 * Parsing one line at a time, as the language server does. Lines are parsed
 * as if they were line 0 and users of the cache take line numbers from each
 * line's position in the document, so a parsed line stays valid when lines
 * above it come and go. Identical text under identical aliases compiles to
 * the identical (immutable) Line, so results are memoised.
 */
import type { Line } from '../language/ast.js';
import type { AliasTable } from '../language/compile.js';
import { lexLine } from '../language/lex.js';
import { applyAliasCommands, buildLine } from '../language/parse.js';

const memo = new Map<string, Line>();
const MEMO_LIMIT = 200_000;

/** A key for an alias table ("" when empty), so that memoised lines depend on it. */
export function aliasKey(aliases: AliasTable): string {
  return aliases.size === 0 ? '' : JSON.stringify([...aliases]);
}

/** Parses one line's text under the given aliases; `key` is `aliasKey(aliases)`. */
export function parseLine(text: string, aliases: AliasTable, key: string): Line {
  const k = key === '' ? text : `${key}\u0000${text}`;
  let line = memo.get(k);
  if (line) return line;
  line = buildLine(text, 0, lexLine(text), aliases);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(k, line);
  return line;
}

/** Whether a line defines or removes aliases (`.alias`, `.unalias`, possibly nested). */
export function changesAliases(line: Line): boolean {
  let c = line.command;
  while (c) {
    const id = c.handler.id;
    if (id === '.alias' ? c.args.list.alias !== undefined : id === '.unalias') return true;
    c = c.subcommand && c.subcommand.kind === 'Command' ? c.subcommand : null;
  }
  return false;
}

/** Parses consecutive lines, carrying the alias table along (it is updated in place). */
export function parseLines(texts: readonly string[], aliases: Map<string, string>, out: Line[] = []): Line[] {
  let key = aliasKey(aliases);
  for (const text of texts) {
    const line = parseLine(text, aliases, key);
    out.push(line);
    if (line.command && changesAliases(line)) {
      applyAliasCommands(line.command, aliases);
      key = aliasKey(aliases);
    }
  }
  return out;
}

/** The alias table in force before line `index` (replaying the alias lines above it). */
export function aliasesBefore(lines: readonly Line[], index: number): Map<string, string> {
  const aliases = new Map<string, string>();
  for (let i = 0; i < index; i++) {
    const line = lines[i]!;
    if (line.command && changesAliases(line)) applyAliasCommands(line.command, aliases);
  }
  return aliases;
}

/** Splits text into lines the way LSP counts them (CRLF, LF and a lone CR end a line). */
export function splitLspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
