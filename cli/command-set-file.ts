/**
 * Command set files for the CLI: `--dialect FILE` and a script's first line
 * naming one. The loading is the language server's (the same files, the
 * same errors); here a failure becomes a CliError.
 */
import type { Dialect } from '../language/index.js';
import { CommandSetFiles as Loader } from '../server/command-set-files.js';
import { CliError } from './cli-io.js';

/** Command set files loaded during one run. */
export class CommandSetFiles {
  private readonly loader = new Loader();

  /** The dialect of the file at the absolute path `path`; `where` prefixes errors (`x.mm:1:13: `). */
  load(path: string, where = ''): Dialect {
    const r = this.loader.load(path);
    if (!r.ok) throw new CliError(`${where}${r.error}`);
    return r.dialect;
  }
}

/** Reads one command set file; a CliError says why it cannot be used. */
export function loadCommandSetDialect(path: string, where = ''): Dialect {
  return new CommandSetFiles().load(path, where);
}
