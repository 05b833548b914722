/**
 * Compiling for front ends that run lines (the interpreter, the mesh): the
 * same result as `compileLine(text, 0, aliases)`, remembered per text and,
 * for lines of a shape seen before, rebuilt from its template.
 */
import { aliasKey, compileLine, EMPTY_ALIASES, type AliasTable, type CompileResult } from './compile.js';
import { lineFromShape } from './parse.js';
import { Codes } from './codes.js';
import { exceedsLineLimit, LINE_TOO_LONG } from './limits.js';

// Compiled commands are immutable, and front ends see the same few lines
// again and again (scripts written out by generators, fan-out on every node).
const compiledCache = new Map<string, CompileResult>();
const COMPILED_CACHE_SIZE = 4096;

/**
 * `compileLine(text, 0, aliases)`, remembering recent texts (least recently
 * used first out). Results carry line-0 ranges, which front ends ignore.
 */
export function compileCached(text: string, aliases: AliasTable = EMPTY_ALIASES): CompileResult {
  if (text.length > 4096) return exceedsLineLimit(text) ? tooLong(text) : compileLine(text, 0, aliases);
  const key = aliases.size === 0 ? text : `${aliasKey(aliases)}\u0000${text}`;
  let r = compiledCache.get(key);
  if (r) compiledCache.delete(key);
  else {
    r = compileFresh(text, aliases);
    if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value!);
  }
  compiledCache.set(key, r);
  return r;
}

function compileFresh(text: string, aliases: AliasTable): CompileResult {
  // Templates are made without aliases; errors and comments are rare enough
  // to compile in full.
  const line = aliases.size === 0 ? lineFromShape(text) : undefined;
  if (line?.status === 'command' && line.command) return { kind: 'command', command: line.command };
  return compileLine(text, 0, aliases);
}

/**
 * A line over the limit is refused before it is lexed, whoever sent it (a
 * script, the REPL, a client, a peer): lexing megabytes would stall the node.
 */
function tooLong(text: string): CompileResult {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } };
  const lexError = { message: LINE_TOO_LONG, code: Codes.lineTooLong, start: 0, end: text.length };
  return { kind: 'lexError', error: LINE_TOO_LONG, lexError, range, original: text.slice(0, 256) };
}
