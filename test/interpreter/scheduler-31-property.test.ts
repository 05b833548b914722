/**
 * Property test of the 3.1 scheduler on an embedded four-node cluster: for
 * random launch requests (counts and names, pinned hosts, colocation,
 * coschedule limits, vcpus, namespace host sets), the placement keeps every
 * rule of runtime-3.1.md §4.2, and `ns schedule dry-run` prints exactly the
 * placement that `ns schedule` then makes (or the same error).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedCluster, type EmbeddedCluster } from '../../interpreter/cluster.js';
import { createRandom } from '../../interpreter/random.js';
import { runLine } from '../../interpreter/session.js';
import type { SimNode } from '../../interpreter/sim-node.js';
import type { Response } from '../../interpreter/contracts/responses.js';
import { findSpace31 } from '../../interpreter/runtime-31/namespace-31.js';
import { value31 } from '../../interpreter/runtime-31/config-31.js';

const HOSTS = ['h1', 'h2', 'h3', 'h4'];
const TRIALS = 40;

let cluster: EmbeddedCluster;
let head: SimNode;
beforeAll(() => {
  cluster = createEmbeddedCluster(HOSTS, { dialect: '3.1' });
  head = cluster.nodes[0]!;
});
afterAll(async () => {
  await cluster.close();
});

/** Runs one line on the head; its responses. */
async function run(line: string): Promise<Response[]> {
  const o = await runLine(head, line);
  if (o.kind === 'compileError') throw new Error(`${line}: ${o.error}`);
  return o.batches.flat();
}

const errorsOf = (rs: readonly Response[]): string[] => rs.map((r) => r.error).filter((e) => e !== '');

/** One queued launch of a trial. */
interface Request {
  readonly names: string[];
  /** The count typed instead of names (0 when named). */
  readonly count: number;
  readonly schedule: string;
  readonly colocate: string;
  readonly coschedule: number;
}

function randomTrial(rnd: () => number, trial: number): { hosts: string[]; requests: Request[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const hosts = HOSTS.filter(() => rnd() < 0.6);
  if (hosts.length === 0) hosts.push(pick(HOSTS));
  const requests: Request[] = [];
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const size = 1 + Math.floor(rnd() * 4);
    const counted = rnd() < 0.25;
    const names = counted ? [] : Array.from({ length: size }, (_, j) => `t${trial}e${i}v${j}`);
    const earlier = requests.flatMap((r) => r.names);
    const r = rnd();
    const schedule = r < 0.25 ? pick(hosts) : '';
    const colocate = schedule === '' && r > 0.75 ? (earlier.length > 0 && rnd() < 0.85 ? pick(earlier) : 'ghost') : '';
    const coschedule = rnd() < 0.3 ? Math.floor(rnd() * 4) : -1;
    requests.push({ names, count: counted ? size : 0, schedule, colocate, coschedule });
  }
  return { hosts, requests };
}

/** Name to host of the namespace's VMs, from `vm info` on every host. */
async function placed(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of await run('.columns name vm info')) for (const row of r.tabular ?? []) out.set(row[0]!, r.host);
  return out;
}

describe('the 3.1 scheduler, end to end (property)', () => {
  it(`keeps every rule and launches what the dry run printed (${TRIALS} random trials)`, async () => {
    const ints = createRandom('scheduler-31-property');
    const rnd = (): number => ints() / 2 ** 32;
    let launchedTrials = 0;
    for (let t = 0; t < TRIALS; t++) {
      const { hosts, requests } = randomTrial(rnd, t);
      const context = JSON.stringify({ t, hosts, requests });
      await run('clear namespace prop');
      await run('namespace prop');
      await run('ns del-hosts all');
      expect(errorsOf(await run(`ns add-hosts ${hosts.join(',')}`)), context).toEqual([]);
      await run('ns queueing true');
      for (const q of requests) {
        await run('clear vm config');
        if (q.schedule) expect(errorsOf(await run(`vm config schedule ${q.schedule}`)), context).toEqual([]);
        if (q.colocate) await run(`vm config colocate ${q.colocate}`);
        if (q.coschedule !== -1) await run(`vm config coschedule ${q.coschedule}`);
        await run(`vm config vcpus ${1 + (q.names.length % 3)}`);
        expect(errorsOf(await run(`vm launch kvm ${q.count > 0 ? q.count : q.names.join(',')}`)), context).toEqual([]);
      }
      const dry = await run('ns schedule dry-run');
      const dryErrors = errorsOf(dry);
      const launch = await run('ns schedule');
      if (dryErrors.length > 0) {
        // A placement that fails, fails the same way when launching, and launches nothing.
        expect(errorsOf(launch), context).toEqual(dryErrors);
        expect(dryErrors[0], context).toMatch(/^(nonexistent colocate VMs: \[.*\]|too many VMs scheduled on h\d for coschedule requirement of \d+)$/);
        expect((await placed()).size, context).toBe(0);
        continue;
      }
      launchedTrials++;
      expect(errorsOf(launch), context).toEqual([]);
      const rows = dry.flatMap((r) => r.tabular ?? []);
      const where = await placed();
      const total = requests.reduce((n, q) => n + (q.count || q.names.length), 0);
      expect(where.size, context).toBe(total);
      // Named VMs land where the dry run said; unnamed ones in the same numbers per host.
      const unnamedPlanned = new Map<string, number>();
      for (const [vm, dst] of rows) {
        if (vm === '') unnamedPlanned.set(dst!, (unnamedPlanned.get(dst!) ?? 0) + 1);
        else expect(where.get(vm!), `${context} ${vm}`).toBe(dst);
      }
      const unnamedLaunched = new Map<string, number>();
      for (const [vm, host] of where) if (vm.startsWith('vm-')) unnamedLaunched.set(host, (unnamedLaunched.get(host) ?? 0) + 1);
      expect(unnamedLaunched, context).toEqual(unnamedPlanned);
      // Every VM is on a host of the namespace.
      for (const host of where.values()) expect(hosts, context).toContain(host);
      if (hosts.length === 1) continue;
      // With several hosts: pins, colocation and coschedule limits hold.
      for (const q of requests) {
        for (const name of q.names) {
          if (q.schedule) expect(where.get(name), context).toBe(q.schedule);
          if (q.colocate) expect(where.get(name), context).toBe(where.get(q.colocate));
        }
      }
      for (const node of cluster.nodes) {
        const space = findSpace31(node, 'prop');
        const vms = [...node.vms.values()];
        for (const vm of vms) {
          const c = space?.vmConfigs.get(vm.id);
          const cos = c ? Number(value31(c, 'coschedule')) : -1;
          if (cos !== -1) expect(vms.length, `${context} ${vm.name} on ${node.name}`).toBeLessThanOrEqual(cos + 1);
        }
      }
    }
    // The generator must exercise successful launches, not only refusals.
    expect(launchedTrials).toBeGreaterThan(TRIALS / 3);
  });
});
