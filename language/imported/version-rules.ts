/**
 * Which minicli a command set follows. The dump holds no version
 * (cli-json.md 6); `minimega -version` prints one from 2.9 on. minicli's
 * trie matcher (3.1's rules) first appears at tag 2.6; releases before match
 * by ordered closest match (2.3's rules) (cli-json.md 5). Only when the
 * version is unknown does the command set's closeness to a built-in dialect
 * decide.
 */
import type { DialectVersion } from '../dialect.js';

/** What `minimega -version` said. */
export interface VersionLine {
  /** Its first line, as printed (trimmed). */
  readonly line: string;
  /** The release (`3.1.0`), when the line names one; up to 2.8 it names only a revision. */
  readonly version: string | undefined;
}

const MAX_VERSION_LINE = 512;
const RELEASE = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+~][0-9A-Za-z.+~-]*)?$/;

/**
 * Reads `minimega -version`'s output: `minimega <revision> <date>` up to 2.8,
 * `minimega <version> <revision> <date>` from 2.9 on (cli-json.md 2.5).
 * Undefined when the first line does not start with `minimega `.
 */
export function readVersionLine(output: string): VersionLine | undefined {
  const line = output.split('\n', 1)[0]!.trim();
  if (line.length > MAX_VERSION_LINE) return undefined;
  const words = line.split(/\s+/);
  if (words[0] !== 'minimega' || words.length < 2) return undefined;
  const version = words.length >= 4 && RELEASE.test(words[1]!) ? words[1] : undefined;
  return { line, version };
}

/** The matching rules of a release (`3.1.0` → `3.1`, `2.5` → `2.3`), or undefined for a string that is no release. */
export function rulesOfVersion(version: string): DialectVersion | undefined {
  const m = RELEASE.exec(version);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major > 2 || (major === 2 && minor >= 6) ? '3.1' : '2.3';
}
