/**
 * V8's tiering for a process that runs the language over a lot of text in
 * one go: `mm check`, `mm parse` and `mm fmt` of a long script, a language
 * server opening long documents. Such a process is fresh, so most of its time
 * is code that V8 has not optimised yet, and by default V8 optimises the
 * language's largest functions (the line store's plan, the script checks'
 * replay) early, inlining a lot into them: those compiles took 20-47 ms each
 * on the CI's machine kind, on the second core while the first ran the
 * unoptimised code, and some were thrown away when the next shapes of lines
 * came. Optimising later and inlining less made `mm check` of 100,000
 * realistic lines about 13% faster (a quarter less CPU) and a server's first
 * diagnostics of 20,000 lines about 15% sooner, with edits as fast as before
 * (docs/performance.md). `mm run` and `mm node`, whose hot code runs long, are
 * left to V8's defaults (no gain there).
 *
 * Such a process also keeps V8's young generation at the size it has when
 * it tunes: left to grow, it doubles up to 16 MB a half, and every page it
 * grows into is fresh memory, which costs 2-13 µs a page to touch on the
 * machines measured. Kept small, `mm check` of 100,000 realistic lines
 * touched 4,000 fewer pages and ran about 11% faster (`mm parse` 9%, 400,000
 * lines 13%), its collector taking less time, not more, over more and
 * smaller collections; a server's first diagnostics of the realistic 20,000
 * lines came about 12% sooner (medians of 20 opens in turns: 135 against
 * 153 ms), its edits' p95 as fast or faster and their p50 within half a
 * millisecond.
 *
 * The flags are set once the code cache is read (a V8 flag on the command
 * line would make V8 refuse it), and only on the V8 they were measured on
 * (Node 20's 11.3): another V8 tiers differently (Node 22 adds Maglev), and
 * one that lacks a flag would print an error for it.
 */

import { createRequire } from 'node:module';

/** The V8 flags a long batch sets, and the V8 versions they were measured on. */
export const languageBatchFlags: readonly string[] = [
  '--interrupt-budget=300000',
  '--max-inlined-bytecode-size-cumulative=200',
  '--semi-space-growth-factor=1',
];
const MEASURED_ON = /^11\.3\./;

/**
 * Tunes V8 for a long batch of language work (see above); does nothing on
 * another V8 than the one measured. Returns whether it did.
 */
export function tuneJitForLanguageBatch(v8Version = process.versions.v8): boolean {
  if (!MEASURED_ON.test(v8Version)) return false;
  // Loaded only now, so that a short command does not pay for it (2-4 ms). Through `require`:
  // the CLI's bundles are compiled by bin/mm.cjs without a loader for `import()`, and a builtin
  // resolves the same from any path.
  const v8 = createRequire(process.execPath)('node:v8') as typeof import('node:v8');
  for (const flag of languageBatchFlags) v8.setFlagsFromString(flag);
  return true;
}
