/**
 * Work that used to grow faster than its input (issue 14 H1-H3, H5), counted
 * at 1x and 10x sizes: ten times the input may cost at most about ten times
 * the work. Counts, never timings.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../../language/index.js';
import { createDocumentStore } from '../../server/documents.js';
import { parseLines } from '../../server/line-parser.js';
import { createWorkspace, MAX_READ_FILE_BYTES } from '../../server/workspace.js';
import { createEmbeddedCluster, defaultNodeNames } from '../../interpreter/cluster.js';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { testTempDir } from '../helpers/temp-dir.js';

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

/** Linear within a margin: ten times the input costs at most 12 times the work. */
function expectLinear(small: number, big: number): void {
  expect(small).toBeGreaterThan(0);
  expect(big).toBeLessThanOrEqual(12 * small);
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

/** Counts the Set insertions made while `f` runs (a set rebuilt from every queued name counts each name). */
async function setAdds(f: () => Promise<void>): Promise<number> {
  let adds = 0;
  const add = Set.prototype.add;
  Set.prototype.add = function (this: Set<unknown>, v: unknown) {
    adds++;
    return add.call(this, v);
  };
  try {
    await f();
  } finally {
    Set.prototype.add = add;
  }
  return adds;
}

describe('H6: launches queued in a namespace', () => {
  const queue = async (n: number): Promise<number> => {
    const node = createNode({ name: 'n' });
    await runLine(node, 'namespace ns');
    const work = await setAdds(async () => {
      for (let i = 0; i < n; i++) {
        if (i % 10 === 0) await runLine(node, `vm config memory ${1024 + i}`);
        const o = await runLine(node, `vm launch kvm vm${i}`);
        if (o.kind !== 'command' || o.batches[0]?.[0]?.error) throw new Error(`queueing ${i} failed`);
      }
      await runLine(node, 'vm launch');
    });
    expect(node.vms.size).toBe(n);
    return work;
  };

  it('costs linear work to queue and flush, at 300 and at 3,000 lines', async () => {
    // The queued names were gathered into a new set for every line: n*(n-1)/2 insertions.
    expectLinear(await queue(300), await queue(3000));
  });
});

describe('H7: an embedded cluster of 100 and of 1,000 nodes', () => {
  /** Link-state work of every node while the cluster is made and the head reaches every node once. */
  const work = async (n: number): Promise<number> => {
    const c = createEmbeddedCluster(defaultNodeNames(n));
    try {
      const o = await runLine(c.nodes[0]!, 'mesh send all host name');
      if (o.kind !== 'command' || o.batches[0]?.length !== n - 1) throw new Error('not every node answered');
      return c.meshes.reduce((sum, m) => sum + m.linkStateWork().computed + m.linkStateWork().visited, 0);
    } finally {
      await c.close();
    }
  };

  it('costs linear link-state work (each node flooded with every announcement cost n*n)', async () => {
    expectLinear(await work(100), await work(1000));
  });
});

const language = createLanguageService();
const { parseScript } = language;

describe('H1: one long .alias line', () => {
  it('is checked once, whatever its number of words (one warning, not one per word)', () => {
    for (const n of [2_000, 20_000]) {
      const { diagnostics } = parseScript(`.alias ${'x '.repeat(n)}\n`);
      expect(diagnostics.map((d) => [d.code, d.range.start.character])).toEqual([['value/alias', 7]]);
    }
  });
});

/**
 * Counts the Map lookups and Map entries walked while `f` runs: alias
 * tables are Maps, so this is the work alias handling does (a scan of every
 * alias per line counts each alias; a lookup counts one).
 */
function mapWork(f: () => void): number {
  let work = 0;
  const proto = Map.prototype;
  const get = proto.get;
  const iterate = proto[Symbol.iterator];
  proto.get = function (this: Map<unknown, unknown>, k: unknown) {
    work++;
    return get.call(this, k);
  };
  proto[Symbol.iterator] = function* (this: Map<unknown, unknown>) {
    for (const e of iterate.call(this)) {
      work++;
      yield e;
    }
  } as (typeof proto)[typeof Symbol.iterator];
  try {
    f();
  } finally {
    proto.get = get;
    proto[Symbol.iterator] = iterate;
  }
  return work;
}

describe('H2: many aliases and as many uses', () => {
  const script = (n: number): string => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`.alias a${i}=echo ${i}`);
    for (let i = 0; i < n; i++) lines.push(`a${i}`);
    return lines.join('\n') + '\n';
  };

  it('costs linear work in mm check and on a node', async () => {
    const check = (n: number): number => mapWork(() => parseScript(script(n)));
    expectLinear(check(300), check(3000));
    const run = async (n: number): Promise<number> => {
      const node = createNode({ name: 'n' });
      const lines = script(n).split('\n');
      let work = 0;
      for (const l of lines) {
        let done: Promise<unknown> = Promise.resolve();
        work += mapWork(() => void (done = runLine(node, l)));
        await done;
      }
      expect(node.aliases.size).toBe(n);
      return work;
    };
    expectLinear(await run(300), await run(3000));
  });
});

describe('H5: the language server on huge input', () => {
  it('does not lex a line over the 64 KiB limit, however long (an editor re-parses it on every keystroke)', () => {
    for (const n of [100_000, 1_000_000]) {
      const [line] = parseLines(language, [`echo ${'x '.repeat(n / 2)}`], new Map());
      expect([line!.words.length, line!.error]).toEqual([0, 'bufio.Scanner: token too long']);
    }
  });

  it('does not follow `read` into a file over MAX_READ_FILE_BYTES', () => {
    const dir = testTempDir('mm-h5-');
    writeFileSync(join(dir, 'small.mm'), 'vm launch kvm small1\n');
    writeFileSync(join(dir, 'big.mm'), 'vm launch kvm big1\n'.repeat(Math.ceil((MAX_READ_FILE_BYTES + 1) / 19)));
    const workspace = createWorkspace(
      createDocumentStore(() => language),
      () => language,
      dir,
    );
    const uri = pathToFileURL(join(dir, 'main.mm')).href;
    const facts = parseLines(language, ['read small.mm', 'read big.mm'], new Map()).map(language.lineFacts);
    expect(workspace.readFiles(uri, facts).map((f) => f.uri.split('/').pop())).toEqual(['small.mm']);
  });
});
