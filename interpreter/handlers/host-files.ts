/**
 * Reading and writing the host files a command names (`read`, `write`,
 * `mesh dot`, `viz`, `vnc play`), through the files directory's rule for
 * who may open what, with minimega's error texts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { OpenRefused, openPath } from '../files-dir.js';
import { goPathError } from '../os-error.js';
import { CommandError, type HandlerContext } from './types.js';

function opened<T>(ctx: HandlerContext, file: string, use: (path: string) => T): T {
  const { node } = ctx;
  try {
    return use(openPath(node.files, node.cwd, file, ctx.options.origin ?? 'local'));
  } catch (e) {
    if (e instanceof OpenRefused) throw new CommandError(e.message);
    throw new CommandError(goPathError('open', file, e));
  }
}

/** The text of a file the command names; `open <file>: ...` when it cannot be read. */
export function readHostFile(ctx: HandlerContext, file: string): string {
  return opened(ctx, file, (path) => readFileSync(path, 'utf8'));
}

/** Writes a file the command names; `open <file>: ...` when it cannot be written. */
export function writeHostFile(ctx: HandlerContext, file: string, text: string): void {
  opened(ctx, file, (path) => writeFileSync(path, text));
}
