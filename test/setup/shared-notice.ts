/**
 * Vitest global set-up: runs once per test run (not per file), so a clone
 * without ../shared gets one notice that the shared suites are skipped.
 */
import { hasShared, sharedDir } from '../helpers/shared.js';

export default function sharedNotice(): void {
  if (!hasShared) console.warn(`notice: ${sharedDir} not found; conformance and oracle suites are skipped`);
}
