/**
 * What `mm check` reads: its FILE arguments (a directory stands for every
 * `*.mm` file under it), each read as bytes and refused when it is not text
 * (binary data gets one error, not hundreds), with a warning for every line
 * holding bytes that are not UTF-8 (minimega reads bytes; `mm` sees U+FFFD).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { Codes, lineRange, type Diagnostic } from '../language/index.js';
import { describeFsError } from '../interpreter/os-error.js';
import { displayName, type CliIO } from './cli-io.js';

/** One script to check. */
export interface CheckSource {
  /** The name shown in messages. */
  readonly name: string;
  /** Absolute path; undefined for standard input. */
  readonly path?: string;
}

/** The scripts the arguments name, and why any argument could not be used. */
export interface CheckSources {
  readonly sources: CheckSource[];
  readonly problems: string[];
}

/** Directories deeper than this are not walked (a link loop stops here too). */
const MAX_WALK_DEPTH = 64;

/** Expands FILE arguments: `-` is stdin, a directory every `*.mm` file under it (sorted), anything else a file. */
export function expandCheckArgs(io: CliIO, args: readonly string[]): CheckSources {
  const sources: CheckSource[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      sources.push({ name: displayName(arg) });
      continue;
    }
    const path = resolve(io.cwd, arg);
    let dir = false;
    try {
      dir = statSync(path).isDirectory();
    } catch (e) {
      problems.push(`${arg}: ${describeFsError(e)}`);
      continue;
    }
    if (!dir) {
      sources.push({ name: arg, path });
      continue;
    }
    const found = walkScripts(path, 0, problems);
    if (found.length === 0) problems.push(`${arg}: no *.mm files in this directory`);
    for (const f of found) sources.push({ name: join(arg, relative(path, f)), path: f });
  }
  return { sources, problems };
}

function walkScripts(dir: string, depth: number, problems: string[]): string[] {
  if (depth > MAX_WALK_DEPTH) {
    problems.push(`${dir}: deeper than ${MAX_WALK_DEPTH} directories, not walked`);
    return [];
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`${dir}: ${describeFsError(e)}`);
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    // Symbolic links to directories are not followed: a link loop cannot make the walk endless.
    if (e.isDirectory()) out.push(...walkScripts(p, depth + 1, problems));
    else if (e.name.endsWith('.mm') && (e.isFile() || e.isSymbolicLink())) out.push(p);
  }
  return out;
}

/** A script's text, or why it is not one. */
export type ScriptInput =
  | { readonly kind: 'text'; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'refused'; readonly problem: string };

/** Reads one source as bytes and decides whether it is a script. */
export async function readCheckSource(io: CliIO, source: CheckSource): Promise<ScriptInput> {
  let bytes: Uint8Array;
  if (source.path === undefined) bytes = io.readStdinBytes ? await io.readStdinBytes() : Buffer.from(await io.readStdin(), 'utf8');
  else {
    try {
      bytes = readFileSync(source.path);
    } catch (e) {
      return { kind: 'refused', problem: `${source.name}: ${describeFsError(e)}` };
    }
  }
  const decoded = decodeScript(bytes);
  if (decoded.kind === 'binary') return { kind: 'refused', problem: `${source.name}: not a script: ${decoded.why}` };
  return decoded;
}

/** Bytes sampled to decide that a file is mostly not text. */
const SAMPLE_BYTES = 8192;
/**
 * Share of suspicious bytes in the sample (controls, bytes that are not
 * UTF-8) that makes a file binary; a few such bytes in a short text are
 * only warnings.
 */
const BINARY_SHARE = 0.1;
const BINARY_MIN_COUNT = 8;

/** Decodes a script's bytes: binary data is refused; lines with bytes that are not UTF-8 get a warning each. */
export function decodeScript(bytes: Uint8Array): { kind: 'binary'; why: string } | { kind: 'text'; text: string; diagnostics: Diagnostic[] } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'binary', why: `binary data (a NUL byte at byte offset ${nul})` };
  const sample = Math.min(bytes.length, SAMPLE_BYTES);
  let suspicious = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) suspicious++;
  }
  // Almost every script is valid UTF-8, which the native check tells without a walk over its bytes.
  const invalid = isUtf8(bytes) ? [] : invalidUtf8Offsets(bytes);
  suspicious += invalid.filter((o) => o < sample).length;
  if (suspicious > Math.max(BINARY_MIN_COUNT, sample * BINARY_SHARE))
    return { kind: 'binary', why: 'binary data (mostly control characters or bytes that are not UTF-8)' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
  const diagnostics: Diagnostic[] = [];
  // One warning per line, at its first bad byte.
  let line = 0;
  let lineStart = start;
  let lastLine = -1;
  let next = 0;
  for (let i = start; i < bytes.length && next < invalid.length; i++) {
    if (i === invalid[next]) {
      next++;
      if (line !== lastLine) {
        lastLine = line;
        const col = Buffer.from(bytes.buffer, bytes.byteOffset + lineStart, i - lineStart).toString('utf8').length;
        diagnostics.push({
          code: Codes.invalidUtf8,
          severity: 'warning',
          message: `bytes that are not UTF-8 at byte offset ${i} (minimega reads them as they are; mm reads U+FFFD)`,
          range: lineRange(line, col, col + 1),
        });
      }
    }
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { kind: 'text', text, diagnostics };
}

/** Offsets of the first byte of every invalid UTF-8 sequence, in order. */
function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      out.push(i++);
      continue;
    }
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    // Overlong forms and surrogates (E0 80..9F, ED A0..BF, F0 80..8F, F4 90..) are invalid too.
    const b1 = bytes[i + 1] ?? 0;
    if (ok && ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f))) ok = false;
    if (!ok) {
      out.push(i++);
      continue;
    }
    i += need + 1;
  }
  return out;
}
