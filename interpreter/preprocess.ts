/**
 * minimega's argument preprocessor: `$VAR` environment lookups and `file:` /
 * `http(s)://` paths into the file store, applied to every string and list
 * argument before the handler runs.
 */
import type { Command, CommandArgs } from '../language/index.js';
import type { FilesDir } from './files-dir.js';

/** Rewrites a command's arguments; throws the error text when a value cannot be resolved. */
export function preprocess(command: Command, env: Readonly<Record<string, string | undefined>>, files: FilesDir): Command {
  return rewriteArgs(command, (v) => preprocessValue(v, env, files));
}

const NO_LISTS: ReadonlySet<string> = new Set();

/**
 * Applies `rewrite` to every string argument and every list argument not in
 * `keepLists`; returns the command itself when nothing changed. Each dialect's
 * preprocessor supplies its own value rewrite.
 */
export function rewriteArgs(command: Command, rewrite: (v: string) => string, keepLists: ReadonlySet<string> = NO_LISTS): Command {
  const strings: Record<string, string> = {};
  let changed = false;
  for (const [k, v] of Object.entries(command.args.string)) {
    const nv = rewrite(v);
    strings[k] = nv;
    changed ||= nv !== v;
  }
  const lists: Record<string, readonly string[]> = {};
  for (const [k, vs] of Object.entries(command.args.list)) {
    const nvs = keepLists.has(k) ? vs : vs.map(rewrite);
    lists[k] = nvs;
    changed ||= nvs.some((v, i) => v !== vs[i]);
  }
  if (!changed) return command;
  const args: CommandArgs = { string: strings, bool: command.args.bool, list: lists };
  return { ...command, args };
}

/** Thrown with the preprocessor's error text. */
export class PreprocessError extends Error {}

function preprocessValue(v: string, env: Readonly<Record<string, string | undefined>>, files: FilesDir): string {
  if (v.startsWith('$')) {
    const m = /^\$([^/ ]*)(.*)$/s.exec(v)!;
    const val = env[m[1]!];
    if (!val) throw new PreprocessError(`undefined: ${v}`);
    return val + m[2]!;
  }
  // 2.3 downloads into the file store and passes the local path on; the
  // simulator does the bookkeeping without the download.
  return resolvePath(v, files, (dir, path) => dir.replace(/\/$/, '') + path);
}

/**
 * Resolves a `file:` or `http(s)://` value into the files directory; `joinHttp`
 * is how the dialect joins the directory and a URL's path. Other values pass as they are.
 */
export function resolvePath(v: string, files: FilesDir, joinHttp: (dir: string, path: string) => string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(v)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    // The opaque part names a file of the files directory (`file:/abs` has none);
    // nothing can be fetched from elsewhere into it.
    const name = /^[A-Za-z][A-Za-z0-9+.-]*:([^/?#][^?#]*)?/.exec(v)?.[1] ?? '';
    const path = files.under(name);
    if (name === '' || !files.exists(path)) throw new PreprocessError('file not found');
    return path;
  }
  if (scheme === 'http' || scheme === 'https') {
    let path: string;
    try {
      path = new URL(v).pathname;
    } catch {
      return v;
    }
    return joinHttp(files.path, path);
  }
  return v;
}
