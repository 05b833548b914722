/**
 * Work that used to grow faster than its input (issue 14 H1-H3, H5), counted
 * at 1x and 10x sizes: ten times the input may cost at most about ten times
 * the work. Counts, never timings.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../language/parse.js';
import { lineFacts } from '../../language/names.js';
import { createDocumentStore } from '../../server/documents.js';
import { parseLines } from '../../server/line-parser.js';
import { createWorkspace, MAX_READ_FILE_BYTES } from '../../server/workspace.js';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';

/** Counts the VMs a node's table hands out while `f` runs (every walk over the VMs). */
async function vmVisits(node: SimNode, f: () => Promise<void>): Promise<number> {
  let visits = 0;
  const values = node.vms.values.bind(node.vms);
  node.vms.values = function* () {
    for (const vm of values()) {
      visits++;
      yield vm;
    }
  } as typeof node.vms.values;
  await f();
  node.vms.values = values;
  return visits;
}

describe('H3: sequential launches', () => {
  const launches = async (n: number): Promise<number> => {
    const node = createNode({ name: 'n' });
    // One walk at the start is the least any launch can cost; it is what the count measures against.
    await runLine(node, 'vm launch kvm first');
    return vmVisits(node, async () => {
      for (let i = 0; i < n; i++) {
        if (i % 10 === 0) await runLine(node, `vm config memory ${1024 + i}`);
        const o = await runLine(node, `vm launch kvm vm${i}`);
        if (o.kind !== 'command' || o.batches[0]?.[0]?.error) throw new Error(`launch ${i} failed`);
      }
      await runLine(node, 'vm launch kvm again');
    });
  };

  it('walks the VMs no more than a few times per launch, at 300 and at 3,000 launches', async () => {
    // Rebuilding the index on every launch walked every VM each time: n*(n+1)/2 visits.
    for (const n of [300, 3000]) expect(await launches(n)).toBeLessThanOrEqual(2 * n);
  });
});

describe('H1: one long .alias line', () => {
  it('is checked once, whatever its number of words (one warning, not one per word)', () => {
    for (const n of [2_000, 20_000]) {
      const { diagnostics } = parseScript(`.alias ${'x '.repeat(n)}\n`);
      expect(diagnostics.map((d) => [d.code, d.range.start.character])).toEqual([['value/alias', 7]]);
    }
  });
});

describe('H5: the language server on huge input', () => {
  it('does not lex a line over the 64 KiB limit, however long (an editor re-parses it on every keystroke)', () => {
    for (const n of [100_000, 1_000_000]) {
      const [line] = parseLines([`echo ${'x '.repeat(n / 2)}`], new Map());
      expect([line!.words.length, line!.error]).toEqual([0, 'bufio.Scanner: token too long']);
    }
  });

  it('does not follow `read` into a file over MAX_READ_FILE_BYTES', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-h5-'));
    writeFileSync(join(dir, 'small.mm'), 'vm launch kvm small1\n');
    writeFileSync(join(dir, 'big.mm'), 'vm launch kvm big1\n'.repeat(Math.ceil((MAX_READ_FILE_BYTES + 1) / 19)));
    const workspace = createWorkspace(createDocumentStore(), dir);
    const uri = pathToFileURL(join(dir, 'main.mm')).href;
    const facts = parseLines(['read small.mm', 'read big.mm'], new Map()).map(lineFacts);
    expect(workspace.readFiles(uri, facts).map((f) => f.uri.split('/').pop())).toEqual(['small.mm']);
  });
});
