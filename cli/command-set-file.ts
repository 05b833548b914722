/**
 * Loading a command set file (written by `mm catalog import`) as a dialect,
 * for `--dialect FILE` and for a script whose first line names one
 * (`# minimega: site.json`, relative to the script).
 */
import { readFileSync, statSync } from 'node:fs';
import { createImportedDialect, MAX_DUMP_BYTES, readCommandSet, type Dialect } from '../language/index.js';
import { describeFsError } from '../interpreter/os-error.js';
import { CliError } from './cli-io.js';

/** Command set files loaded, by absolute path (one dialect per file for a whole run). */
export class CommandSetFiles {
  private readonly loaded = new Map<string, Dialect>();

  /** The dialect of the file at the absolute path `path`; `where` prefixes errors (`x.mm:1:13: `). */
  load(path: string, where = ''): Dialect {
    let d = this.loaded.get(path);
    if (!d) this.loaded.set(path, (d = loadCommandSetDialect(path, where)));
    return d;
  }
}

/** Reads one command set file; a CliError says why it cannot be used. */
export function loadCommandSetDialect(path: string, where = ''): Dialect {
  let text: string;
  try {
    // The file holds a dump plus a little: the dump's limit, with room to spare, bounds it.
    if (statSync(path).size > 2 * MAX_DUMP_BYTES) throw new CliError(`${where}${path}: too large for a command set file`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${where}command set file ${path}: ${describeFsError(e)}`);
  }
  const r = readCommandSet(text);
  if (!r.ok) throw new CliError(`${where}${path}: ${r.error}`);
  return createImportedDialect(r.set);
}
