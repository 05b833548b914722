// When the language commands tune V8 for a long batch (cli/jit-batch.ts, server/jit-tuning.ts):
// only for a long input, and only on the V8 the flags were measured on. That the output is the
// same either way is what the CLI suites show with long inputs (the oracles' 20,000-line files).
import { describe, expect, it } from 'vitest';
import { LONG_INPUT_CHARS, tuneJitForInput } from '../../cli/jit-batch.js';
import { tuneJitForLanguageBatch } from '../../server/jit-tuning.js';

describe('V8 tuning for long batches', () => {
  it('is left out for a short input', () => {
    expect(tuneJitForInput(0)).toBe(false);
    expect(tuneJitForInput(LONG_INPUT_CHARS - 1)).toBe(false);
  });

  it('is left out on another V8 than Node 20’s, whose tiering differs (and which may lack a flag)', () => {
    expect(tuneJitForLanguageBatch('12.4.254.21-node.33')).toBe(false);
    expect(tuneJitForLanguageBatch('13.6.233.10-node.18')).toBe(false);
  });

  it('is applied for a long input on Node 20’s V8', () => {
    expect(tuneJitForInput(LONG_INPUT_CHARS)).toBe(/^11\.3\./.test(process.versions.v8));
  });
});
