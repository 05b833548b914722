/**
 * `mm check` follows `read`: a file a script reads is checked too, with the
 * aliases defined before the `read` line, its problems reported at their own
 * file and line. Paths resolve as `mm run` resolves them (relative to the
 * script's folder, the node's working directory). A `read` inside a read
 * file is minimega's error (it stops that file), so there is no cycle to
 * follow; a file the script writes earlier (`write FILE`) is not followed
 * (its contents exist only when the script runs).
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { applyAliasCommands, chainStartsWith, Codes, commandChain, lineRange, type Diagnostic, type LanguageService, type Line } from '../language/index.js';
import { displayName } from './cli-io.js';
import { decodeScript } from './check-files.js';
import { lineText, parseForCheck, problemsInOrder, readsOrAliases } from './check-script.js';
import type { PlacedDiagnostic } from './check-report.js';

/** Largest file `mm check` follows a `read` into (as the language server). */
export const MAX_READ_FILE_BYTES = 4 * 1024 * 1024;

/** Where a checked script sits: its shown name and the folder its `read` paths are relative to. */
export interface ReadContext {
  readonly name: string;
  readonly dir: string;
  /** Files already checked (absolute paths): each is followed once. */
  readonly seen: Set<string>;
}

/** Whether a `read` path can be opened as written (minimega rewrites `$VAR`, `file:` and URLs first). */
function isCheckablePath(p: string): boolean {
  return p !== '' && !p.includes('$') && !p.startsWith('file:') && !/^https?:\/\//.test(p);
}

/** Checks the files a script reads (`lines[i]` is its line i); returns their problems, placed. */
export function followReads(language: LanguageService, lines: readonly Line[], ctx: ReadContext): PlacedDiagnostic[] {
  const out: PlacedDiagnostic[] = [];
  const aliases = new Map<string, string>();
  const written = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Most lines neither change aliases nor read or write a file: their chain is read by level,
    // and their command (which a line of a known shape builds only when asked) is never built.
    if (!readsOrAliases(line)) continue;
    const command = line.command;
    if (!command) continue;
    applyAliasCommands(command, aliases);
    for (const c of commandChain(command)) {
      const file = c.args.string.file;
      if (file === undefined || !isCheckablePath(file)) continue;
      const path = resolve(ctx.dir, file);
      if (c.handler.role === 'write') written.add(path);
      if (c.handler.role !== 'read' || written.has(path) || ctx.seen.has(path)) continue;
      ctx.seen.add(path);
      const shown = isAbsolute(file) ? file : ctx.name === displayName('-') ? file : join(dirname(ctx.name), file);
      out.push(...checkReadFile(language, path, shown, new Map(aliases), { file: ctx.name, line: i }));
    }
  }
  return out;
}

/** The problems of one read file: its lines' own, and every nested `read` (an error: minimega stops the file there). */
function checkReadFile(
  language: LanguageService,
  path: string,
  shown: string,
  aliases: Map<string, string>,
  readFrom: { file: string; line: number },
): PlacedDiagnostic[] {
  // A missing file is the reading script's warning (script/read-missing-file); a huge one is not followed.
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (!stat.isFile() || stat.size > MAX_READ_FILE_BYTES) return [];
  const decoded = decodeScript(readFileSync(path));
  if (decoded.kind === 'binary') return [];
  const script = parseForCheck(language, decoded.text, aliases);
  const nested: Diagnostic[] = [];
  for (let i = 0; i < script.lines.length; i++) {
    const line = script.lines[i]!;
    if (line.command && chainStartsWith(line.command, ['read'])) {
      const r = line.range;
      nested.push({
        code: Codes.nestedRead,
        severity: 'error',
        message: 'cannot run nested `read` commands',
        range: lineRange(i, r.start.character, r.end.character),
      });
    }
  }
  return problemsInOrder(script, decoded.diagnostics, nested).map((d) => ({
    file: shown,
    diagnostic: d,
    source: lineText(script, d.range.start.line),
    readFrom,
  }));
}
