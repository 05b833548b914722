/**
 * The local socket, as minimega's clients use it: an `mm node --socket`
 * process (dist/mm.cjs) per dialect, driven from this process over the
 * socket with the requests real clients send:
 * - latency: one client, `echo` commands one at a time (p50 and p99 of the
 *   round trip);
 * - throughput: 50 clients at once, 2,000 commands each, half of them
 *   written all at once (the soak test's load, measured instead of checked).
 * Prints the figures and writes the "Socket" section of the results file (`report.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SOCKET_PROTOCOLS, type SocketDialect } from '../interpreter/socket/protocol.js';
import { runBench, writePerformanceSection } from './report.js';

const MM = join(process.cwd(), 'dist', 'mm.cjs');
const SEQUENTIAL = 5000;
const CLIENTS = 50;
const COMMANDS = 2000;

/** Starts `mm node --socket=DIR/` and waits until it listens. */
function startNode(dir: string, dialect: SocketDialect): Promise<{ child: ChildProcess; path: string }> {
  const child = spawn(process.execPath, [MM, 'node', '--name', 'mm1', `--socket=${dir}/`, '--dialect', dialect], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /^listening on unix:(\S+)$/.exec(l);
      if (m) resolve({ child, path: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`mm node exited with ${code}`)));
  });
}

/** A connection that counts reply frames (every command here answers one frame). */
function open(path: string): Promise<{ socket: Socket; replies(n: number): Promise<void> }> {
  return new Promise((resolve) => {
    const socket = connect(path, () => resolve({ socket, replies }));
    let seen = 0;
    let want = 0;
    let done: (() => void) | undefined;
    socket.on('data', (d: Buffer) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) seen++;
      if (done && seen >= want) {
        const f = done;
        done = undefined;
        f();
      }
    });
    function replies(n: number): Promise<void> {
      want = n;
      return seen >= n ? Promise.resolve() : new Promise((r) => (done = r));
    }
  });
}

async function latency(path: string, dialect: SocketDialect): Promise<string> {
  const c = await open(path);
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t = process.hrtime.bigint();
    c.socket.write(SOCKET_PROTOCOLS[dialect].commandRequest(`echo ${i}`));
    await c.replies(i + 1);
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  c.socket.destroy();
  times.sort((a, b) => a - b);
  const p = (q: number): string => times[Math.floor((q / 100) * (times.length - 1))]!.toFixed(0);
  return `- ${dialect}: one client, ${SEQUENTIAL} \`echo\` commands one at a time: p50 ${p(50)} µs, p99 ${p(99)} µs per round trip`;
}

async function throughput(path: string, dialect: SocketDialect): Promise<string> {
  const request = SOCKET_PROTOCOLS[dialect].commandRequest;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, k) => {
      const c = await open(path);
      if (k % 2 === 0) {
        c.socket.write(Array.from({ length: COMMANDS }, (_, i) => request(`echo c${k}-${i}`)).join(''));
        await c.replies(COMMANDS);
      } else {
        for (let i = 0; i < COMMANDS; i++) {
          c.socket.write(request(`echo c${k}-${i}`));
          await c.replies(i + 1);
        }
      }
      c.socket.destroy();
    }),
  );
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  const total = CLIENTS * COMMANDS;
  return `- ${dialect}: ${CLIENTS} clients x ${COMMANDS} commands at once (half pipelined): ${s.toFixed(1)} s, ${Math.round(total / s).toLocaleString('en-US')} commands/s`;
}

async function main(): Promise<void> {
  const results: string[] = [];
  for (const dialect of ['2.3', '3.1'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'mm-bench-sock-'));
    try {
      const node = await startNode(dir, dialect);
      try {
        results.push(await latency(node.path, dialect));
        results.push(await throughput(node.path, dialect));
      } finally {
        node.child.kill('SIGTERM');
        await new Promise((r) => node.child.once('exit', r));
      }
    } finally {
      // The node has exited (it removes its socket and pid file); a benchmark leaves nothing in the temporary directory.
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const r of results) console.log(r);
  writePerformanceSection(
    'Socket',
    'Measured by `npm run bench` (`bench/socket.bench.ts`): an `mm node --socket` process per dialect, driven from the benchmark process over minimega\'s local socket with the requests real clients send (2.3: `{"Original":...}`, 3.1: `{"Command","Suggest","PlumbPipe"}`). Client and node share the machine\'s 2 cores; the load average shows how busy it was.',
    results,
  );
}

runBench(main);
