/**
 * minimega 3.1's preprocessor (runtime-3.1.md §0.4): `$VAR` and `${VAR}`
 * expand anywhere inside an argument (unset: empty), `file:` and
 * `http(s)://` resolve into the files directory, `diskspec` lists are left
 * to the disk parser.
 */
import type { Command, CommandArgs } from '../../language/index.js';
import type { FilesDir } from '../files-dir.js';
import { posix } from 'node:path';
import { PreprocessError } from '../preprocess.js';

type Env = Readonly<Record<string, string | undefined>>;

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Rewrites a command's string and list arguments. */
export function preprocess31(command: Command, env: Env, files: FilesDir): Command {
  const strings: Record<string, string> = {};
  let changed = false;
  for (const [k, v] of Object.entries(command.args.string)) {
    const nv = value(v, env, files);
    strings[k] = nv;
    changed ||= nv !== v;
  }
  const lists: Record<string, readonly string[]> = {};
  for (const [k, vs] of Object.entries(command.args.list)) {
    const nvs = k === 'diskspec' ? vs : vs.map((v) => value(v, env, files));
    lists[k] = nvs;
    changed ||= nvs.some((v, i) => v !== vs[i]);
  }
  if (!changed) return command;
  const args: CommandArgs = { string: strings, bool: command.args.bool, list: lists };
  return { ...command, args };
}

function value(v: string, env: Env, files: FilesDir): string {
  const expanded = v.includes('$') ? v.replace(VAR, (_m, braced: string | undefined, bare: string | undefined) => env[(braced ?? bare)!] ?? '') : v;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(expanded)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    const name = /^[A-Za-z][A-Za-z0-9+.-]*:([^/?#][^?#]*)?/.exec(expanded)?.[1] ?? '';
    const path = files.under(name);
    if (name === '' || !files.exists(path)) throw new PreprocessError('file not found');
    return path;
  }
  if (scheme === 'http' || scheme === 'https') {
    let path: string;
    try {
      path = new URL(expanded).pathname;
    } catch {
      return expanded;
    }
    // Go's filepath.Join: `/` under the files directory is the directory itself.
    const joined = posix.join(files.path, path);
    return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
  }
  return expanded;
}
