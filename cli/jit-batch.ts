/**
 * When the language commands (`mm check`, `mm parse`, `mm fmt`) tune V8 for
 * a long batch (server/jit-tuning.ts): when their input is long enough for
 * the gain to outweigh loading Node's `v8` module (2-4 ms).
 */
import { tuneJitForLanguageBatch } from '../server/jit-tuning.js';

/** Characters of input from which a language command tunes V8 (about 4,000 lines of a typical script). */
export const LONG_INPUT_CHARS = 100_000;

/** Tunes V8 for a long batch when `chars` (the input read so far) is at least `LONG_INPUT_CHARS`; returns whether it did. */
export function tuneJitForInput(chars: number): boolean {
  return chars >= LONG_INPUT_CHARS && tuneJitForLanguageBatch();
}
