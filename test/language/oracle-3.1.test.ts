/**
 * The 3.1 oracle: what minimega 3.1.0's own minicli made of 20,000 generated
 * lines, every field compared (`original` included: 3.1 re-serialises nested
 * words in a way of its own, which `mm` reproduces).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLanguageService, describeLine, dialect31 } from '../../language/index.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { canonicalJson } from '../helpers/canonical-json.js';

const { parseScript } = createLanguageService(dialect31);

const canonical = (v: unknown): string => canonicalJson(v);

describe.skipIf(!hasShared)('oracle: minimega 3.1.0 parser on 20,000 generated lines', () => {
  it('reproduces generated-3.1.out.jsonl line for line, every field', () => {
    const input = readFileSync(sharedPath('oracle/generated-3.1.txt'), 'utf8');
    const want = readFileSync(sharedPath('oracle/generated-3.1.out.jsonl'), 'utf8').trim().split('\n');
    const { script } = parseScript(input, { valueChecks: false });
    expect(script.lines.length).toBe(want.length);
    const mismatches: string[] = [];
    script.lines.forEach((line, i) => {
      const got = canonical(describeLine(line));
      const exp = canonical(JSON.parse(want[i]!));
      if (got !== exp) mismatches.push(`line ${i + 1}: ${line.text}\n  got  ${got}\n  want ${exp}`);
    });
    expect(mismatches.slice(0, 10).join('\n')).toBe('');
    expect(mismatches.length).toBe(0);
  });
});
