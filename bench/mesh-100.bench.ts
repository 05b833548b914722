/**
 * 100 `mm node` processes on loopback (issue 17): started by this bench
 * (through bin/mm.cjs, as a user starts them), each listening on port 0,
 * and linked in a tree (node i keeps a link to node (i-1)/2 with `--peer`,
 * as nodes dialling a few peers each link themselves), started a level of
 * the tree at a time; a head node in this process dials every node.
 * Measures the time from the first spawn until the
 * head sees all 100 in its mesh, and the latency of `host name` broadcast in
 * a namespace of all 100 (p50, p99). Every process is stopped at the end,
 * whatever happened (and on Ctrl-C). Writes the "Mesh of 100 processes"
 * section of the results file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runBench, writePerformanceSection } from './report.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import { createNode } from '../interpreter/sim-node.js';
import { runLine } from '../interpreter/session.js';

const NODES = 100;
const SAMPLES = 300;
const WARMUP = 50;
const TARGET_MESHED_MS = 20_000;
const TARGET_P50_MS = 50;
const root = process.cwd();
const MM = join(root, 'bin', 'mm.cjs');

const children: ChildProcess[] = [];

/** Stops every node started (SIGTERM, then SIGKILL for any still up a second later). */
async function stopAll(): Promise<void> {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  const exited = (c: ChildProcess): Promise<unknown> =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r));
  const late = setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  }, 1000);
  await Promise.all(children.map(exited));
  clearTimeout(late);
}

/** Starts node `i` (peering with `peer`, if any); resolves with its address once it listens. */
function startNode(i: number, peer: string | undefined): Promise<string> {
  const args = [MM, 'node', '--name', `p${String(i).padStart(3, '0')}`, '--insecure', '--listen', '127.0.0.1:0', ...(peer ? ['--peer', peer] : [])];
  // Logs are not the bench's output: stderr is dropped.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /^listening on ws:\/\/(\S+)$/.exec(l);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`node ${i} exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'mm.cjs'))) throw new Error('dist/mm.cjs is missing: run `node scripts/build.mjs`');
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  const head = createNode({ name: 'head' });
  const mesh = attachMesh(head, { transport: createWsTransport({ port: 0 }) });
  try {
    await mesh.listen();
    const t0 = performance.now();
    const addresses: string[] = [];
    // A level of the tree at a time, so every --peer names a node already listening.
    for (let first = 0, size = 1; first < NODES; first += size, size *= 2) {
      const level = Array.from({ length: Math.min(size, NODES - first) }, (_, k) => first + k);
      addresses.push(...(await Promise.all(level.map((i) => startNode(i, i === 0 ? undefined : addresses[Math.floor((i - 1) / 2)])))));
    }
    // The head links to every node, as a front end talking to the whole cluster does: replies come straight back.
    for (const a of addresses) await mesh.connect(`ws://${a}`);
    while (mesh.peers().length < NODES) await new Promise((r) => setTimeout(r, 20));
    const meshedMs = performance.now() - t0;
    const results = [
      `- ${NODES} node processes started and meshed (a tree of --peer links, and the head linked to each): ${meshedMs.toFixed(0)} ms — target < ${TARGET_MESHED_MS} ms: ${meshedMs < TARGET_MESHED_MS ? 'met' : 'NOT met'}`,
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
    times.sort((a, b) => a - b);
    const p = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    results.push(
      `- broadcast (host name) in a namespace of all ${NODES} processes: p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms (${SAMPLES} samples after ${WARMUP}) — target p50 < ${TARGET_P50_MS} ms: ${p(0.5) < TARGET_P50_MS ? 'met' : 'NOT met'}`,
    );
    console.log(results[1]);
    writePerformanceSection(
      'Mesh of 100 processes',
      `Measured by \`npm run bench mesh-100\` (\`bench/mesh-100.bench.ts\`): ${NODES} \`mm node\` processes on loopback started by the bench, each with a \`--peer\` link to its parent in a binary tree, and a head node in the benchmark process linked to every node. ${NODES} processes share the machine's cores: scheduling dominates the latency.`,
      results,
    );
  } finally {
    await mesh.close();
    await stopAll();
  }
}

runBench(main);
