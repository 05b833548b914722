/**
 * minimega 3.1's preprocessor (runtime-3.1.md §0.4): `$VAR` and `${VAR}`
 * expand anywhere inside an argument (unset: empty), `file:` and
 * `http(s)://` resolve into the files directory, `diskspec` lists are left
 * to the disk parser.
 */
import type { Command } from '../../language/index.js';
import type { FilesDir } from '../files-dir.js';
import { posix } from 'node:path';
import { resolvePath, rewriteArgs } from '../preprocess.js';

type Env = Readonly<Record<string, string | undefined>>;

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** List arguments left as they are, for the disk parser to read (runtime-3.1.md §0.4). */
const KEEP_LISTS: ReadonlySet<string> = new Set(['diskspec']);

/** Rewrites a command's string and list arguments. */
export function preprocess31(command: Command, env: Env, files: FilesDir): Command {
  return rewriteArgs(command, (v) => value(v, env, files), KEEP_LISTS);
}

function value(v: string, env: Env, files: FilesDir): string {
  const expanded = v.includes('$') ? v.replace(VAR, (_m, braced: string | undefined, bare: string | undefined) => env[(braced ?? bare)!] ?? '') : v;
  return resolvePath(expanded, files, goJoin);
}

/** Go's filepath.Join: `/` under the files directory is the directory itself. */
function goJoin(dir: string, path: string): string {
  const joined = posix.join(dir, path);
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
