/**
 * minimega's argument preprocessor: `$VAR` environment lookups and `file:` /
 * `http(s)://` paths into the file store, applied to every string and list
 * argument before the handler runs.
 */
import type { Command, CommandArgs } from '../language/ast.js';
import { FILES_DIR } from './vm-config-state.js';

/** Rewrites a command's arguments; throws the error text when a value cannot be resolved. */
export function preprocess(command: Command, env: Readonly<Record<string, string | undefined>>): Command {
  const strings: Record<string, string> = {};
  let changed = false;
  for (const [k, v] of Object.entries(command.args.string)) {
    const nv = preprocessValue(v, env);
    strings[k] = nv;
    changed ||= nv !== v;
  }
  const lists: Record<string, readonly string[]> = {};
  for (const [k, vs] of Object.entries(command.args.list)) {
    const nvs = vs.map((v) => preprocessValue(v, env));
    lists[k] = nvs;
    changed ||= nvs.some((v, i) => v !== vs[i]);
  }
  if (!changed) return command;
  const args: CommandArgs = { string: strings, bool: command.args.bool, list: lists };
  return { ...command, args };
}

/** Thrown with the preprocessor's error text. */
export class PreprocessError extends Error {}

function preprocessValue(v: string, env: Readonly<Record<string, string | undefined>>): string {
  if (v.startsWith('$')) {
    const m = /^\$([^/ ]*)(.*)$/s.exec(v)!;
    const val = env[m[1]!];
    if (!val) throw new PreprocessError(`undefined: ${v}`);
    return val + m[2]!;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(v)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    // The simulated file store starts empty and nothing can be fetched into it.
    throw new PreprocessError('file not found');
  }
  if (scheme === 'http' || scheme === 'https') {
    let path: string;
    try {
      path = new URL(v).pathname;
    } catch {
      return v;
    }
    // 2.3 downloads into the file store and passes the local path on; the
    // simulator does the bookkeeping without the download.
    return FILES_DIR.replace(/\/$/, '') + path;
  }
  return v;
}
