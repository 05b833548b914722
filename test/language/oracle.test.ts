import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeLine } from '../../language/describe.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { createLanguageService } from '../../language/index.js';

const { parseScript } = createLanguageService();

function withoutOriginal(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(withoutOriginal);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'original') out[k] = withoutOriginal(x);
  return out;
}

describe.skipIf(!hasShared)('oracle: minimega 2.3 parser on 20,000 generated lines', () => {
  it('reproduces generated-2.3.out.jsonl line for line', () => {
    const input = readFileSync(sharedPath('oracle/generated-2.3.txt'), 'utf8');
    const want = readFileSync(sharedPath('oracle/generated-2.3.out.jsonl'), 'utf8').trim().split('\n');
    const { script } = parseScript(input, { valueChecks: false });
    expect(script.lines.length).toBe(want.length);
    const mismatches: string[] = [];
    script.lines.forEach((line, i) => {
      const got = withoutOriginal(describeLine(line));
      const exp = withoutOriginal(JSON.parse(want[i]!));
      if (JSON.stringify(got) !== JSON.stringify(withoutOriginal(sortArgs(exp)))) {
        mismatches.push(`line ${i + 1}: ${line.text}\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(exp)}`);
      }
    });
    expect(mismatches.slice(0, 10).join('\n')).toBe('');
    expect(mismatches.length).toBe(0);
  });
});

function sortArgs(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === 'args' && x && typeof x === 'object') {
      const a = x as Record<string, Record<string, unknown>>;
      out[k] = { string: sortObj(a.string), bool: sortObj(a.bool), list: sortObj(a.list) };
    } else if (k === 'subcommand') out[k] = sortArgs(x);
    else out[k] = x;
  }
  return out;
}

function sortObj(o: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o ?? {}).sort()) out[k] = o![k];
  return out;
}
