/**
 * Which 3.1 handlers the simulator runs: every id of the 3.1 catalog has a
 * 3.1 handler or 2.3's. A handler added to the catalog without one must be
 * listed in NOT_YET (and in docs/simulator.md) and answers one clear error
 * instead of crashing; the list is empty now.
 */
import { describe, expect, it } from 'vitest';
import { dialect31 } from '../../language/index.js';
import { runtimeFor } from '../../interpreter/dialect-runtimes.js';

/** The 3.1 handlers docs/simulator.md ("The 3.1 dialect") lists as not simulated yet: none. */
const NOT_YET: string[] = [];

describe('3.1 handlers', () => {
  const runtime = runtimeFor('3.1');
  const ids = dialect31.catalog.handlers.map((h) => h.spec.id);

  it('every handler of the 3.1 catalog is simulated but the documented few', () => {
    expect(ids.filter((id) => !runtime.isSimulated(id))).toEqual(NOT_YET);
  });

  it('the rest answer that they are not supported, naming the command', async () => {
    for (const id of NOT_YET) {
      const handler = runtime.handlerFor(id);
      await expect(async () => handler({} as never), id).rejects.toThrow(`${id.replace(/#\d+$/, '')}: not supported by the simulator`);
    }
  });
});
