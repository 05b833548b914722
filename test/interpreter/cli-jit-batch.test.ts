// When the language commands tune V8 for a long batch (cli/jit-batch.ts, server/jit-tuning.ts):
// only for a long input, and only on the V8 the flags were measured on. That the output is the
// same either way is what the CLI suites show with long inputs (the oracles' 20,000-line files).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LONG_INPUT_CHARS, tuneJitForInput } from '../../cli/jit-batch.js';
import { languageBatchFlags, tuneJitForLanguageBatch } from '../../server/jit-tuning.js';

describe('V8 tuning for long batches', () => {
  it('is left out for a short input', () => {
    expect(tuneJitForInput(0)).toBe(false);
    expect(tuneJitForInput(LONG_INPUT_CHARS - 1)).toBe(false);
  });

  it('is left out on another V8 than Node 20’s, whose tiering differs (and which may lack a flag)', () => {
    expect(tuneJitForLanguageBatch('12.4.254.21-node.33')).toBe(false);
    expect(tuneJitForLanguageBatch('13.6.233.10-node.18')).toBe(false);
  });

  it('keeps the young generation from growing', () => {
    expect(languageBatchFlags).toContain('--semi-space-growth-factor=1');
  });

  // What that choice rests on, on the V8 the flags are set on: with the flag set at run time, as
  // the commands and the server set it, a process whose young objects keep surviving (as a long
  // script's lines do) does not grow its young generation past one doubling; without it, it
  // grows to many times its first size.
  it.skipIf(!/^11\.3\./.test(process.versions.v8))('on Node 20’s V8, that flag set at run time stops the growth', () => {
    const youngGrowth = (flags: readonly string[]): number => {
      const script = `
        const v8 = require('node:v8');
        for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f);
        const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
        const before = young();
        const kept = [];
        for (let i = 0; i < 1000000; i++) kept.push({ i, text: 'line ' + i });
        process.stdout.write(String(young() / before));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return Number(r.stdout);
    };
    expect(youngGrowth(['--semi-space-growth-factor=1'])).toBeLessThanOrEqual(2);
    expect(youngGrowth([])).toBeGreaterThanOrEqual(8);
  });

  it('is applied for a long input on Node 20’s V8', () => {
    expect(tuneJitForInput(LONG_INPUT_CHARS)).toBe(/^11\.3\./.test(process.versions.v8));
  });
});
