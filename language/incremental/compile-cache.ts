/**
 * Compiling for front ends that run lines (the interpreter, the mesh): the
 * same result as `compileLine(text, 0, aliases)`, remembered per text and,
 * for lines of a shape seen before, rebuilt from its template. Compiled
 * commands are immutable, and front ends see the same few lines again and
 * again (scripts written out by generators, fan-out on every node).
 */
import { aliasKey, EMPTY_ALIASES, type AliasTable } from '../aliases.js';
import type { CompileResult, LineCompiler } from '../compile-result.js';
import type { LineStore } from './line-store.js';
import { Codes } from '../codes.js';
import { exceedsLineLimit, LINE_TOO_LONG } from '../limits.js';

const COMPILED_CACHE_SIZE = 4096;
const MAX_CACHED_TEXT = 4096;

/**
 * Recently compiled texts, by alias table, in two generations: a text used
 * again moves to the current one, and when that is full the older one is
 * dropped whole. (A Map kept in least-recently-used order costs a walk over
 * its deleted slots to find the oldest key: V8 leaves them at the front
 * until it rehashes, and a script of distinct lines paid seconds for it.)
 */
export class CompileCache {
  private compiled = new Map<string, CompileResult>();
  private older = new Map<string, CompileResult>();

  constructor(
    private readonly compiler: LineCompiler,
    private readonly store: LineStore,
  ) {}

  /** `compileLine(text, 0, aliases)`; results carry line-0 ranges, which front ends ignore. */
  compile(text: string, aliases: AliasTable = EMPTY_ALIASES): CompileResult {
    if (text.length > MAX_CACHED_TEXT) return exceedsLineLimit(text) ? tooLong(text) : this.compiler.compileLine(text, 0, aliases);
    const key = aliases.size === 0 ? text : `${aliasKey(aliases)}\u0000${text}`;
    let r = this.compiled.get(key);
    if (r) return r;
    r = this.older.get(key) ?? this.compileFresh(text, aliases);
    if (this.compiled.size >= COMPILED_CACHE_SIZE) {
      this.older = this.compiled;
      this.compiled = new Map();
    }
    this.compiled.set(key, r);
    return r;
  }

  /** Forgets every text. */
  clear(): void {
    this.compiled.clear();
    this.older.clear();
  }

  private compileFresh(text: string, aliases: AliasTable): CompileResult {
    // Templates are made without aliases; errors and comments are rare enough
    // to compile in full.
    const line = aliases.size === 0 ? this.store.lineFromShape(text) : undefined;
    if (line?.status === 'command' && line.command) return { kind: 'command', command: line.command };
    return this.compiler.compileLine(text, 0, aliases);
  }
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
