/** Temporary folders of scripts on disk, for `read` targets and `mm check`. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A temporary folder; `uri(name)` is the file URI of a file in it. */
export interface TempDir {
  readonly path: string;
  write(name: string, text: string): string;
  uri(name: string): string;
  remove(): void;
}

/** Creates a temporary folder holding the given files. */
export function createTempDir(files: Record<string, string> = {}): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'mm-lsp-'));
  const dir: TempDir = {
    path,
    write(name, text) {
      const file = join(path, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    uri: (name) => pathToFileURL(join(path, name)).href,
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) dir.write(name, text);
  return dir;
}
