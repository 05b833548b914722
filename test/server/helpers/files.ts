/** Temporary folders of scripts on disk, for `read` targets and `mm check`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll } from 'vitest';
import { suiteTempDir } from '../../helpers/temp-dir.js';

/** A temporary folder; `uri(name)` is the file URI of a file in it. */
export interface TempDir {
  readonly path: string;
  write(name: string, text: string): string;
  uri(name: string): string;
}

/**
 * A temporary folder for the tests of the current file or describe block
 * (call it in its body: see suiteTempDir), holding the given files from before
 * their first test; it is removed after their last.
 */
export function suiteScriptDir(files: Record<string, string> = {}): TempDir {
  const path = suiteTempDir('mm-lsp-');
  const dir: TempDir = {
    path,
    write(name, text) {
      const file = join(path, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    uri: (name) => pathToFileURL(join(path, name)).href,
  };
  // Registered after suiteTempDir's hook, so it runs once the folder exists.
  beforeAll(() => {
    for (const [name, text] of Object.entries(files)) dir.write(name, text);
  });
  return dir;
}
