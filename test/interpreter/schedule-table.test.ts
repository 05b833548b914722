/**
 * The schedule table under `namespace`'s `Schedules:` (Go's tabwriter, not a
 * minicli table), against the example in the runtime spec.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleTable } from '../../interpreter/handlers/namespace.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

/** The header and row under `Schedules:` in the spec's `namespace` example (the one whose row starts with a date). */
function specExample(): string {
  const text = readFileSync(sharedPath('spec', 'runtime.md'), 'utf8');
  const m = /\nSchedules:\n(start[^\n]*\n\d[^\n]*)\n/.exec(text);
  expect(m).not.toBeNull();
  return m![1]!;
}

describe.skipIf(!hasShared)('the schedule table', () => {
  it('matches the spec example byte for byte', () => {
    const row = ['2016-03-22 18:04:50.217220992 -0700 PDT', '2016-03-22 18:04:50.236229396 -0700 PDT', 'completed', '2', '0', '2', '1'];
    expect(scheduleTable([row])).toBe(specExample());
  });

  it('is the header alone, padded to the minimum width, when nothing was scheduled', () => {
    expect(scheduleTable([])).toBe('start end  state launched failures total hosts');
  });
});
