/**
 * An imported command set: what `minimega -cli` printed, the version
 * `minimega -version` named, and the decisions made from them (which
 * minicli rules match, which built-in dialect lends its facts, whether it is
 * a built-in dialect unchanged). Written to and read from a command set
 * file, which names the rules it uses so that reading it decides nothing again.
 */
import { dialects, type Dialect, type DialectVersion } from '../dialect.js';
import { oneLine, readHandlers, type CliHandler } from './cli-dump.js';
import { rulesOfVersion } from './version-rules.js';

/** The `format` of a command set file. */
export const COMMAND_SET_FORMAT = 'mm-command-set/1';

/** A command set read from a minimega binary. */
export interface CommandSet {
  /** The release `minimega -version` named, when it named one. */
  readonly minimegaVersion: string | undefined;
  /** `minimega -version`'s first line, when it was run. */
  readonly versionLine: string | undefined;
  /** Which minicli matches its lines: `2.3` (ordered closest match) or `3.1` (pattern trie). */
  readonly rules: DialectVersion;
  /** What decided the rules: the version, or (version unknown) the closest built-in dialect. */
  readonly rulesFrom: 'version' | 'patterns';
  /** The built-in dialect sharing the most patterns: it lends its facts, and `mm run` speaks its socket protocol. */
  readonly nearest: DialectVersion;
  /** The built-in dialect with exactly these patterns in this order, if any. */
  readonly sameAs: DialectVersion | undefined;
  /** Use the built-in dialect `sameAs` instead (false after `--no-builtin`). */
  readonly useBuiltin: boolean;
  /** The dump's handlers, in registration order. */
  readonly handlers: readonly CliHandler[];
}

/** What the import knows besides the dump. */
export interface ImportOptions {
  readonly minimegaVersion?: string;
  readonly versionLine?: string;
  /** Keep the imported command set even when it equals a built-in dialect. */
  readonly noBuiltin?: boolean;
}

/** Makes a command set of a dump's handlers. */
export function createCommandSet(handlers: readonly CliHandler[], options: ImportOptions = {}): CommandSet {
  const nearest = nearestDialect(handlers);
  const byVersion = options.minimegaVersion === undefined ? undefined : rulesOfVersion(options.minimegaVersion);
  const rules = byVersion ?? nearest.version;
  // A built-in stands in only when its rules are the binary's too.
  const sameAs = dialects.find((d) => d.version === rules && samePatterns(handlers, d))?.version;
  return {
    minimegaVersion: options.minimegaVersion,
    versionLine: options.versionLine,
    rules,
    rulesFrom: byVersion ? 'version' : 'patterns',
    nearest: nearest.version,
    sameAs,
    useBuiltin: sameAs !== undefined && options.noBuiltin !== true,
    handlers,
  };
}

/** The built-in dialect sharing the most pattern strings (the first on a tie). */
function nearestDialect(handlers: readonly CliHandler[]): Dialect {
  const own = new Set(handlers.flatMap((h) => h.patterns));
  let best = dialects[0]!;
  let bestCount = -1;
  for (const d of dialects) {
    let n = 0;
    for (const h of d.catalog.handlers) for (const p of h.spec.patterns) if (own.has(p)) n++;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** Whether a dump has a dialect's handlers: the same pattern lists, in the same order. */
function samePatterns(handlers: readonly CliHandler[], d: Dialect): boolean {
  const theirs = d.catalog.handlers;
  if (theirs.length !== handlers.length) return false;
  return handlers.every((h, i) => {
    const p = theirs[i]!.spec.patterns;
    return p.length === h.patterns.length && p.every((x, j) => x === h.patterns[j]);
  });
}

/** The command set file's text. */
export function writeCommandSet(set: CommandSet): string {
  const file = {
    format: COMMAND_SET_FORMAT,
    minimegaVersion: set.minimegaVersion ?? null,
    versionLine: set.versionLine ?? null,
    rules: set.rules,
    rulesFrom: set.rulesFrom,
    nearest: set.nearest,
    sameAs: set.sameAs ?? null,
    useBuiltin: set.useBuiltin,
    handlers: set.handlers,
  };
  return JSON.stringify(file, null, 1) + '\n';
}

/** A command set file read, or why it is not one. */
export type CommandSetResult = { readonly ok: true; readonly set: CommandSet } | { readonly ok: false; readonly error: string };

/** Reads a command set file written by `writeCommandSet`. */
export function readCommandSet(text: string): CommandSetResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON (${oneLine((e as Error).message)})` };
  }
  if (typeof v !== 'object' || v === null || (v as { format?: unknown }).format !== COMMAND_SET_FORMAT) {
    return { ok: false, error: `not a command set file (expected "format": "${COMMAND_SET_FORMAT}"; \`mm catalog import\` writes one)` };
  }
  const f = v as Record<string, unknown>;
  const isVersion = (x: unknown): x is DialectVersion => dialects.some((d) => d.version === x);
  const optString = (x: unknown): x is string | null => x === null || typeof x === 'string';
  if (!isVersion(f.rules) || !isVersion(f.nearest))
    return { ok: false, error: `"rules" and "nearest" must each be one of ${dialects.map((d) => d.version).join(', ')}` };
  if (f.sameAs !== null && !isVersion(f.sameAs)) return { ok: false, error: '"sameAs" must be a dialect version or null' };
  if (f.rulesFrom !== 'version' && f.rulesFrom !== 'patterns') return { ok: false, error: '"rulesFrom" must be "version" or "patterns"' };
  if (!optString(f.minimegaVersion) || !optString(f.versionLine)) return { ok: false, error: '"minimegaVersion" and "versionLine" must be strings or null' };
  if (typeof f.useBuiltin !== 'boolean') return { ok: false, error: '"useBuiltin" must be true or false' };
  const dump = readHandlers(f.handlers);
  if (!dump.ok) return { ok: false, error: `"handlers": ${dump.error}` };
  return {
    ok: true,
    set: {
      minimegaVersion: f.minimegaVersion ?? undefined,
      versionLine: f.versionLine ?? undefined,
      rules: f.rules,
      rulesFrom: f.rulesFrom,
      nearest: f.nearest,
      sameAs: f.sameAs ?? undefined,
      useBuiltin: f.useBuiltin && f.sameAs !== null,
      handlers: dump.handlers,
    },
  };
}
