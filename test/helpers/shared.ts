/**
 * Access to ../shared (specs, conformance transcripts, oracle). On a user's
 * clone it is absent: suites that need it skip, and the run prints one notice
 * (test/setup/shared-notice.ts), not one per test file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = process.env.MM_SHARED_DIR ?? join(repoRoot, '..', 'shared');
export const hasShared = existsSync(join(sharedDir, 'spec'));

/** Path of a file under ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}
