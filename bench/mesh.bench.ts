/**
 * Mesh benchmarks on loopback WebSockets: a head node in this process
 * linked to 16 nodes, first WebSocket servers in this process, then 16
 * `mm node` processes (dist/mm.cjs):
 * - broadcast fan-out latency (`host name` in a namespace of 1, 4 and 16
 *   hosts): p50 and p99 of the whole command, from the head's point of view;
 * - scheduling and launching 10,000 VMs over the 16 nodes (`vm launch kvm
 *   10000` then `vm launch`).
 * Prints the figures and writes the "Mesh" section of the results file (`report.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { percentile, runBench, writePerformanceSection } from './report.js';
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import { createNode, type SimNode } from '../interpreter/sim-node.js';
import { runLine } from '../interpreter/session.js';

const NODES = 16;
const SAMPLES = 1000;
const WARMUP = 200;
const VMS = 10_000;
const TARGET_P50_MS = 5;
const TARGET_LAUNCH_MS = 3000;
const root = process.cwd();
const MM = join(root, 'dist', 'mm.cjs');

/** A node in this process, on its own WebSocket server. */
async function startInProcess(name: string): Promise<{ url: string; close(): Promise<void> }> {
  const node = createNode({ name });
  const mesh = attachMesh(node, { transport: createWsTransport({ port: 0 }) });
  return { url: await mesh.listen(), close: () => mesh.close() };
}

function startNode(name: string): Promise<{ child: ChildProcess; url: string }> {
  // --insecure: the in-process head joins without keys; the bench measures speed on loopback.
  const child = spawn(process.execPath, [MM, 'node', '--name', name, '--insecure', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (l) => {
      const m = /^listening on (ws:\/\/\S+)$/.exec(l);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

async function run(head: SimNode, line: string): Promise<LineOutcome> {
  const o = await runLine(head, line);
  const errors =
    o.kind === 'compileError'
      ? [o.error]
      : o.batches
          .flat()
          .map((r) => r.error)
          .filter((e) => e !== '');
  if (errors.length) throw new Error(`${line}: ${errors.join('; ')}`);
  return o;
}

/** Links a head node to every node at `urls`; returns it with a closer. */
async function createHead(urls: readonly string[]): Promise<{ head: SimNode; close(): Promise<void> }> {
  const head = createNode({ name: 'head' });
  const mesh = attachMesh(head, { transport: createWsTransport({ port: 0 }) });
  await mesh.listen();
  for (const u of urls) await mesh.connect(u);
  await run(head, '.annotate false');
  return { head, close: () => mesh.close() };
}

/** p50/p99 of `host name` in namespaces of 1, 4 and 16 of `names`. */
async function fanOut(head: SimNode, names: readonly string[], where: string): Promise<string[]> {
  const out: string[] = [];
  for (const size of [1, 4, 16]) {
    await run(head, `namespace fan${size}`);
    await run(head, 'nsmod del-host all');
    await run(head, `nsmod add-host ${names.slice(0, size).join(',')}`);
    for (let i = 0; i < WARMUP; i++) await run(head, 'host name');
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      const o = await run(head, 'host name');
      times.push(performance.now() - t0);
      if (o.batches[0]!.length !== size) throw new Error(`expected ${size} answers`);
    }
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    const target = size === 16 ? ` — target p50 < ${TARGET_P50_MS} ms: ${p50 < TARGET_P50_MS ? 'met' : 'NOT met'}` : '';
    out.push(`- broadcast fan-out to ${size} node${size > 1 ? 's' : ''} (${where}): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms${target}`);
    console.log(out.at(-1));
    await run(head, 'clear namespace');
  }
  return out;
}

async function launch(head: SimNode): Promise<string> {
  await run(head, 'namespace big');
  const t0 = performance.now();
  await run(head, `vm launch kvm ${VMS}`);
  const t1 = performance.now();
  await run(head, 'vm launch');
  const t2 = performance.now();
  const vms = await run(head, '.compress false host vms');
  const counts = vms.batches[0]!.map((r) => Number(r.response));
  if (counts.reduce((a, b) => a + b, 0) !== VMS) throw new Error(`launched ${counts.join('+')} VMs, not ${VMS}`);
  const total = t2 - t0;
  const line = `- ${VMS.toLocaleString('en-US')} VMs over ${NODES} node processes: ${total.toFixed(0)} ms (queue ${(t1 - t0).toFixed(0)} ms, schedule and launch ${(t2 - t1).toFixed(0)} ms; ${Math.min(...counts)}-${Math.max(...counts)} per node) — target < ${TARGET_LAUNCH_MS} ms: ${total < TARGET_LAUNCH_MS ? 'met' : 'NOT met'}`;
  console.log(line);
  return line;
}

async function main(): Promise<void> {
  if (!existsSync(MM)) throw new Error('dist/mm.cjs is missing: run `node scripts/build.mjs`');
  const names = Array.from({ length: NODES }, (_, i) => `b${String(i + 1).padStart(2, '0')}`);
  const results: string[] = [];

  // 16 WebSocket servers in this process: no process switches, one core.
  const local = await Promise.all(names.map(startInProcess));
  const h1 = await createHead(local.map((l) => l.url));
  try {
    results.push(...(await fanOut(h1.head, names, 'in-process servers')));
  } finally {
    await h1.close();
    await Promise.all(local.map((l) => l.close()));
  }

  // 16 `mm node` processes sharing the machine's cores.
  const children = await Promise.all(names.map(startNode));
  const h2 = await createHead(children.map((c) => c.url));
  try {
    results.push(...(await fanOut(h2.head, names, 'node processes')));
    results.push(await launch(h2.head));
  } finally {
    await h2.close();
    for (const c of children) c.child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.child.exitCode !== null ? r(null) : c.child.once('exit', r)))));
  }
  writeSection(results);
}

function writeSection(results: string[]): void {
  writePerformanceSection(
    'Mesh',
    `Measured by \`npm run bench\` (\`bench/mesh.bench.ts\`) on loopback WebSockets: a head node in the benchmark process linked to ${NODES} nodes (a star), first ${NODES} WebSocket servers in the benchmark process, then ${NODES} \`mm node\` processes. Latency is the whole \`host name\` command in a namespace of N hosts, as the head's front end sees it, ${SAMPLES} samples after ${WARMUP} warm-up runs. With more processes than cores, process scheduling dominates the fan-out latency; the load average shows how busy the machine was.`,
    results,
  );
}

runBench(main);
