/**
 * Access to ../shared (specs, conformance transcripts, oracle). On a user's
 * clone it is absent: suites that need it skip with a notice.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = process.env.MM_SHARED_DIR ?? join(repoRoot, '..', 'shared');
export const hasShared = existsSync(join(sharedDir, 'spec'));

if (!hasShared) {
  console.warn(`notice: ${sharedDir} not found; conformance and oracle suites are skipped`);
}

/** Path of a file under ../shared. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}
