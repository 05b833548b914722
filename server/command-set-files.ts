/**
 * Command set files (written by `mm catalog import`) loaded as dialects, for
 * the server (a first line `# minimega: site.json`, relative to the script,
 * or the `minimega.dialect` setting naming a file) and the CLI. Each file is
 * read again only when its size or modification time changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { checkedImportedDialect, MAX_DUMP_BYTES, readCommandSet, type Dialect } from '../language/index.js';

/** A file's dialect, or why it cannot be used. */
export type CommandSetLoad = { readonly ok: true; readonly dialect: Dialect } | { readonly ok: false; readonly error: string };

// The file holds a dump plus a few fields: twice the dump's limit bounds it.
const MAX_FILE_BYTES = 2 * MAX_DUMP_BYTES;

/** Loaded command set files by absolute path, owned by one server or one CLI run. */
export class CommandSetFiles {
  private readonly loaded = new Map<string, { readonly stamp: string; readonly result: CommandSetLoad }>();

  /** The dialect of the file at the absolute path `path`. */
  load(path: string): CommandSetLoad {
    let stamp: string;
    try {
      const st = statSync(path);
      if (!st.isFile()) return { ok: false, error: `command set file ${path}: not a file` };
      if (st.size > MAX_FILE_BYTES) return { ok: false, error: `command set file ${path}: larger than ${MAX_FILE_BYTES} bytes` };
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch (e) {
      return { ok: false, error: `command set file ${path}: ${fsReason(e)}` };
    }
    const hit = this.loaded.get(path);
    if (hit && hit.stamp === stamp) return hit.result;
    const result = readFile(path);
    this.loaded.set(path, { stamp, result });
    return result;
  }
}

function readFile(path: string): CommandSetLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: `command set file ${path}: ${fsReason(e)}` };
  }
  const r = readCommandSet(text);
  const d = r.ok ? checkedImportedDialect(r.set) : r;
  return d.ok ? d : { ok: false, error: `${path}: ${d.error}` };
}

/** A file system error in a few words (`no such file or directory`). */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message ?? String(e);
}
