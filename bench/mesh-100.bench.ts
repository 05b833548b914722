/**
 * 100 `mm node` processes on loopback (issue 17): started by this bench
 * (through bin/mm.cjs, as a user starts them), each listening on port 0.
 * The head node in this process listens first; every node keeps a link to
 * it with `--peer` (a front end linked to the whole cluster: replies come
 * straight back). Links between the nodes themselves: the first RELAYS
 * nodes start first, and every other node also keeps a link to one of them,
 * so link state crosses nodes too. Nodes of a wave start all at once: the
 * processes' start-up (CPU) is the bulk of the time, and a wave waits for
 * nothing but that.
 * Measures the time from the first spawn until the head sees all 100 in its
 * mesh (it reacts to its mesh's changes, no polling), and the latency of
 * `host name` broadcast in a namespace of all 100 (p50, p99). Every process
 * is stopped at the end, whatever happened (and on Ctrl-C). Writes the
 * "Mesh of 100 processes" section of the results file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { percentile, runBench, writePerformanceSection } from './report.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import type { Mesh } from '../interpreter/mesh/node-mesh.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import { createNode } from '../interpreter/sim-node.js';
import { runLine } from '../interpreter/session.js';

/** 100 (the issue's figure); MM_BENCH_NODES sets another count for a quick look. */
const NODES = Number(process.env.MM_BENCH_NODES ?? 100);
/** Nodes started first, that the others also link to. */
const RELAYS = Math.min(10, NODES);
const SAMPLES = 300;
const WARMUP = 50;
const TARGET_MESHED_MS = 20_000;
const TARGET_P50_MS = 50;
/** How long the bench waits for the mesh before it gives up (a loaded machine is slow, a stuck node is stuck). */
const GIVE_UP_MS = 10 * TARGET_MESHED_MS;
const root = process.cwd();
const MM = join(root, 'bin', 'mm.cjs');

/** The shells that started the waves of nodes (each wave's output pipe closes when its last node exits). */
const waves: ChildProcess[] = [];
/** The process id of every node started, as its wave's shell reported it. */
const nodePids: number[] = [];

/** Sends `signal` to node `pid`; false when it is gone. */
function signalNode(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Stops every node started, by its id: SIGTERM, then SIGKILL for any still up a second later. */
async function stopAll(): Promise<void> {
  for (const pid of nodePids) signalNode(pid, 'SIGTERM');
  const late = setTimeout(() => {
    for (const pid of nodePids) signalNode(pid, 'SIGKILL');
  }, 1000);
  await Promise.all(waves.map((w) => (w.stdout!.closed ? undefined : new Promise((r) => w.stdout!.once('close', r)))));
  clearTimeout(late);
}

/**
 * CPU time (ms) used so far by the node processes (Linux's
 * /proc; undefined elsewhere): unlike the wall time, it does not depend on
 * what else the machine runs.
 */
function wavesCpuMs(): number | undefined {
  const pids = new Set(nodePids.map(String));
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!pids.has(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name (which may hold spaces): state ppid pgrp ... utime(14) stime(15).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    }
  } catch {
    return undefined;
  }
  // Clock ticks are 1/100 s on Linux.
  return ticks * 10;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Starts nodes `first`..`first + count - 1` at once (node i linked to
 * `peersOf(i)`), as a user's shell loop does: a shell forks them without
 * waiting for each to start, so this process's event loop (the head's)
 * never stalls in spawn while a loaded machine schedules the new process.
 * Resolves with their addresses (in the order they listen: each listens
 * once its links were tried once); rejects if one fails.
 */
function startWave(first: number, count: number, peersOf: (i: number) => readonly string[]): Promise<string[]> {
  const script = Array.from({ length: count }, (_, k) => {
    const i = first + k;
    const args = [process.execPath, MM, 'node', '--name', `p${String(i).padStart(3, '0')}`, '--insecure', '--listen', '127.0.0.1:0'];
    for (const p of peersOf(i)) args.push('--peer', p);
    // The inner shell says its id and becomes the node (exec), so that id is the node's.
    return `(sh -c 'echo "pid $$"; exec "$@"' sh ${args.map(quote).join(' ')} || echo "node ${i} exited with $?") &`;
  });
  // Logs are not the bench's output: stderr is dropped.
  const wave = spawn('sh', ['-c', [...script, 'wait'].join('\n')], { stdio: ['ignore', 'pipe', 'ignore'] });
  waves.push(wave);
  return new Promise((resolve, reject) => {
    const addresses: string[] = [];
    createInterface({ input: wave.stdout! }).on('line', (l) => {
      const m = /^listening on ws:\/\/(\S+)$/.exec(l);
      const pid = /^pid (\d+)$/.exec(l);
      if (m) addresses.push(m[1]!);
      else if (pid) nodePids.push(Number(pid[1]));
      else if (l.startsWith('node ')) reject(new Error(l));
      if (addresses.length === count) resolve(addresses);
    });
  });
}

/** Resolves once `mesh` reaches `count` peers: checked after its changes, at most once per turn of the event loop. */
function whenPeers(mesh: Mesh, count: number): Promise<void> {
  return new Promise((resolve) => {
    let queued = false;
    const check = (): void => {
      queued = false;
      if (mesh.peers().length < count) return;
      stop();
      resolve();
    };
    const stop = mesh.onChange(() => {
      if (!queued) setImmediate(check);
      queued = true;
    });
    check();
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'mm.cjs'))) throw new Error('dist/mm.cjs is missing: run `node scripts/build.mjs`');
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  const head = createNode({ name: 'head' });
  const mesh = attachMesh(head, { transport: createWsTransport({ port: 0 }) });
  try {
    const headAddress = await mesh.listen();
    const meshed = whenPeers(mesh, NODES);
    const t0 = performance.now();
    const load0 = loadavg()[0]!;
    const relays = await startWave(0, RELAYS, () => [headAddress]);
    const relaysMs = performance.now() - t0;
    if (NODES > RELAYS) await startWave(RELAYS, NODES - RELAYS, (i) => [headAddress, relays[i % RELAYS]!]);
    const listeningMs = performance.now() - t0;
    // Bounded: a node that never joins fails the bench instead of stalling it.
    let bound: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      bound = setTimeout(() => reject(new Error(`only ${mesh.peers().length} of ${NODES} nodes meshed after ${GIVE_UP_MS} ms`)), GIVE_UP_MS);
    });
    await Promise.race([meshed, late]).finally(() => clearTimeout(bound));
    const meshedMs = performance.now() - t0;
    const cpuMs = wavesCpuMs();
    const results = [
      `- ${NODES} node processes started and meshed (each linked to the head, and all but ${RELAYS} to one of those ${RELAYS}): ${meshedMs.toFixed(0)} ms (the first ${RELAYS} listening after ${relaysMs.toFixed(0)} ms, all after ${listeningMs.toFixed(0)} ms; load average ${load0.toFixed(1)} before the start${cpuMs === undefined ? '' : `; ${(cpuMs / 1000).toFixed(1)} s of CPU in the node processes, ${(cpuMs / NODES).toFixed(0)} ms each`}) — target < ${TARGET_MESHED_MS} ms: ${meshedMs < TARGET_MESHED_MS ? 'met' : 'NOT met'}`,
    ];
    console.log(results[0]);

    for (const l of ['.annotate false', 'namespace all100']) await runLine(head, l);
    const times: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const t = performance.now();
      const o = await runLine(head, 'host name');
      if (i >= WARMUP) times.push(performance.now() - t);
      const answers = o.kind === 'command' ? o.batches[0]!.filter((r) => r.error === '').length : 0;
      if (answers !== NODES) throw new Error(`${answers} of ${NODES} nodes answered`);
    }
    const p = (q: number): number => percentile(times, q * 100);
    results.push(
      `- broadcast (host name) in a namespace of all ${NODES} processes: p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms (${SAMPLES} samples after ${WARMUP}) — target p50 < ${TARGET_P50_MS} ms: ${p(0.5) < TARGET_P50_MS ? 'met' : 'NOT met'}`,
    );
    console.log(results[1]);
    writePerformanceSection(
      'Mesh of 100 processes',
      `Measured by \`npm run bench mesh-100\` (\`bench/mesh-100.bench.ts\`): ${NODES} \`mm node\` processes on loopback started by the bench, each with a \`--peer\` link to a head node in the benchmark process and all but the first ${RELAYS} with one to one of those ${RELAYS}. The processes' start-up (about 0.1 s of CPU each) is most of the time to mesh; ${NODES} processes share the machine's cores: scheduling dominates the latency.`,
      results,
    );
  } finally {
    // The nodes first: they would dial the head again as it closes.
    await stopAll();
    await mesh.close();
  }
}

runBench(main);
