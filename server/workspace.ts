/**
 * Files around an open document: the files it `read`s (parsed from the
 * editor when open, else from disk) and whether a path exists. Paths are
 * relative to the document's folder, as in `mm check`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { replaySteps, type LanguageService, type Line, type LineFacts } from '../language/index.js';
import type { DocumentStore } from './documents.js';
import { parseLines, splitLspLines } from './line-parser.js';

/** A file a document reads, with its parsed lines. */
export interface ReadFile {
  readonly uri: string;
  readonly lines: readonly Line[];
  readonly facts: readonly LineFacts[];
  /** Changes whenever the file's content does (a cache key). */
  readonly key: object;
  /** The first line of the reading document that reads it. */
  readonly line: number;
}

/** File access for the features. */
export interface Workspace {
  /** The folder `read` paths are relative to ("" when the document is not a file). */
  baseDir(uri: string): string;
  /** Whether a path (relative to the document's folder) exists. */
  exists(uri: string, path: string): boolean;
  /** The files the document reads (given its lines' facts) that exist, parsed. */
  readFiles(uri: string, facts: readonly LineFacts[]): ReadFile[];
  /** File and folder names for completing a path typed so far. */
  listPaths(uri: string, partial: string): string[];
}

const EXISTS_TTL_MS = 1000;

/**
 * Largest file a document's `read` is followed into (names, diagnostics):
 * about 100,000 lines. A bigger one is left out, so that no completion waits
 * for a 60 MB file to be parsed.
 */
export const MAX_READ_FILE_BYTES = 4 * 1024 * 1024;

/** Creates the workspace view over the open documents and the disk. */
export function createWorkspace(documents: DocumentStore, languageFor: (text: string, uri: string) => LanguageService, cwd = process.cwd()): Workspace {
  const existsCache = new Map<string, { at: number; exists: boolean }>();
  const diskCache = new Map<string, { mtime: number; size: number; lines: Line[]; facts: LineFacts[]; key: object }>();
  const baseDir = (uri: string): string => {
    if (!uri.startsWith('file:')) return cwd;
    try {
      return dirname(fileURLToPath(uri));
    } catch {
      return cwd;
    }
  };
  const abs = (uri: string, p: string): string => (isAbsolute(p) ? p : resolve(baseDir(uri), p));
  const exists = (uri: string, p: string): boolean => {
    const file = abs(uri, p);
    const now = Date.now();
    const hit = existsCache.get(file);
    if (hit && now - hit.at < EXISTS_TTL_MS) return hit.exists;
    const e = existsSync(file);
    existsCache.set(file, { at: now, exists: e });
    return e;
  };
  const load = (file: string): Omit<ReadFile, 'line'> | undefined => {
    const uri = pathToFileURL(file).href;
    const open = documents.get(uri);
    if (open) return { uri, lines: open.lines, facts: open.facts, key: open.stamp };
    try {
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_READ_FILE_BYTES) return undefined;
      const hit = diskCache.get(file);
      if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return { uri, lines: hit.lines, facts: hit.facts, key: hit.key };
      let text = readFileSync(file, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      // A file on disk is read in its own dialect (its directive, else the setting's).
      const language = languageFor(text, uri);
      const lines = parseLines(language, splitLspLines(text), new Map());
      const facts = lines.map(language.lineFacts);
      const key = {};
      diskCache.set(file, { mtime: st.mtimeMs, size: st.size, lines, facts, key });
      return { uri, lines, facts, key };
    } catch {
      return undefined;
    }
  };
  return {
    baseDir,
    exists,
    readFiles(uri, facts) {
      const files = new Map<string, number>();
      replaySteps(facts, (fact, lineIndex) => {
        const f = fact.command.handler.role === 'read' ? fact.command.args.string.file : undefined;
        if (f && !f.includes('$') && !f.startsWith('file:') && !files.has(abs(uri, f))) files.set(abs(uri, f), lineIndex);
      });
      const out: ReadFile[] = [];
      for (const [f, line] of files) {
        const r = load(f);
        if (r && r.uri !== uri) out.push({ ...r, line });
      }
      return out;
    },
    listPaths(uri, partial) {
      const slash = partial.lastIndexOf('/');
      const dirPart = partial.slice(0, slash + 1);
      const dir = abs(uri, dirPart === '' ? '.' : dirPart);
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((d) => !d.name.startsWith('.') || partial.slice(slash + 1).startsWith('.'))
          .map((d) => dirPart + d.name + (d.isDirectory() ? '/' : ''))
          .filter((p) => p.startsWith(partial))
          .slice(0, 200);
      } catch {
        return [];
      }
    },
  };
}
