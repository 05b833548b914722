/**
 * The dialect of a document: its first line's (a version, or a command set
 * file relative to the document), else the `minimega.dialect` setting's (a
 * version or a command set file), else 2.3. A command set file that cannot
 * be used leaves the next choice in charge, and `problem` says why (the
 * diagnostics show it on the first line).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dialect23, dialectOf, directiveNamesFile, readDialectDirective, type Dialect, type Range } from '../language/index.js';
import { CommandSetFiles } from './command-set-files.js';
import type { Settings } from './settings.js';

/** Picks dialects for documents. */
export interface DialectResolver {
  (text: string, uri?: string): Dialect;
  /** Why the command set file a document's first line names cannot be used, and where it is named. */
  problem(text: string, uri: string): { readonly message: string; readonly range: Range } | undefined;
}

/** A resolver over the current settings, with its own loaded files. */
export function dialectResolver(settings: () => Settings, files = new CommandSetFiles()): DialectResolver {
  const named = (text: string, uri: string | undefined) => {
    const d = readDialectDirective(text);
    if (!d || !directiveNamesFile(d) || !uri?.startsWith('file:')) return undefined;
    return { load: files.load(resolve(dirname(fileURLToPath(uri)), d.version)), range: d.range };
  };
  const resolveDialect = (text: string, uri?: string): Dialect => {
    const own = readDialectDirective(text)?.dialect;
    if (own) return own;
    const file = named(text, uri)?.load;
    if (file?.ok) return file.dialect;
    const s = settings();
    const set = s.dialectFile ? files.load(resolve(s.dialectFile)) : undefined;
    if (set?.ok) return set.dialect;
    return dialectOf(s.dialect ?? '') ?? dialect23;
  };
  return Object.assign(resolveDialect, {
    problem(text: string, uri: string) {
      const n = named(text, uri);
      return n && !n.load.ok ? { message: n.load.error, range: n.range } : undefined;
    },
  });
}
