/**
 * Scale and speed on real workloads (issue 17), every figure whole-process,
 * as a user runs `mm` (bin/mm.cjs, the launcher with the code cache), each
 * at the full size and at a tenth of it for the growth:
 * - `mm check` and `mm parse` of a realistic 100,000-line script
 *   (`realistic-script.ts`): lines/s = lines / (median wall of 5 runs on the
 *   file - median wall of 5 runs on an empty file), and peak RSS;
 * - start-up: `mm check` of a 10-line file against `node -e 0` (medians of 5,
 *   interleaved);
 * - 100,000 separate `vm launch kvm NAME` lines, `vm config memory` before
 *   every tenth, on one node and queued in a namespace of 3 hosts (`--nodes 4`)
 *   then flushed;
 * - an embedded cluster: 1,000 nodes meshed, and `mm run --nodes 1000` of a
 *   namespace of all nodes launching 100,000 VMs and listing them.
 * Writes the "Scale" section of the results file (`report.ts`).
 * `MM_SCALE_ONLY=parse|startup|launch|cluster` runs one part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realisticScript, REALISTIC_SHAPE, scriptShape } from './realistic-script.js';
import { median, runBench, writePerformanceSection } from './report.js';

const root = process.cwd();
const MM = join(root, 'bin', 'mm.cjs');
const TIME = '/usr/bin/time';
const RUNS = 5;

interface Run {
  readonly ms: number;
  readonly peakMb: number;
  /** User and system CPU time of the child (what a busy machine does not inflate as much as wall time). */
  readonly cpuMs: number;
}

/** Runs `argv` (stdout to /dev/null, stderr kept out of the bench's output); wall time, and peak RSS and CPU time from GNU time when installed. */
function timed(dir: string, argv: readonly string[], okStatus: readonly number[] = [0]): Run {
  const peakPath = join(dir, 'peak.txt');
  const withTime = existsSync(TIME) ? [TIME, '-f', '%M %U %S', '-o', peakPath, ...argv] : [...argv];
  const t0 = performance.now();
  const r = spawnSync(withTime[0]!, withTime.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (!okStatus.includes(r.status ?? -1)) throw new Error(`${argv.join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
  // A warning from time (a signal) would come before the figures.
  const [peakKib = 0, user = 0, sys = 0] = existsSync(TIME) ? readFileSync(peakPath, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
  return { ms, peakMb: (peakKib * 1024) / 1e6, cpuMs: (user + sys) * 1000 };
}

const mm = (...args: string[]): string[] => [process.execPath, MM, ...args];
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Medians of `RUNS` interleaved runs of `a` and `b`, and the highest peaks. */
function pair(dir: string, a: readonly string[], b: readonly string[], ok: readonly number[]): [Run, Run] {
  const ra: Run[] = [];
  const rb: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    ra.push(timed(dir, a, ok));
    rb.push(timed(dir, b, ok));
  }
  const summary = (rs: Run[]): Run => ({
    ms: median(rs.map((r) => r.ms)),
    peakMb: Math.max(...rs.map((r) => r.peakMb)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
  });
  return [summary(ra), summary(rb)];
}

function checkAndParse(dir: string): string[] {
  const out: string[] = [];
  const empty = join(dir, 'empty.mm');
  writeFileSync(empty, '');
  for (const lines of [10_000, 100_000]) {
    const text = realisticScript(lines);
    const file = join(dir, `real${lines}.mm`);
    writeFileSync(file, text);
    const shape = scriptShape(text);
    for (const command of ['check', 'parse']) {
      // mm check exits 1: the script has the errors real scripts have.
      const [base, full] = pair(dir, mm(command, empty), mm(command, file), [0, 1]);
      const rate = lines / ((full.ms - base.ms) / 1000);
      const cpuRate = lines / ((full.cpuMs - base.cpuMs) / 1000);
      const target = lines === 100_000 ? ` — target 500,000 lines/s: ${rate >= 500_000 ? 'met' : 'NOT met'}` : '';
      const rss = command === 'parse' && lines === 100_000 ? ` — target peak < 150 MB: ${full.peakMb < 150 ? 'met' : 'NOT met'}` : '';
      out.push(
        `- mm ${command}, ${fmt(lines)} realistic lines (${(shape.blank * 100).toFixed(0)}% blank, ${(shape.comments * 100).toFixed(0)}% comments, ${(shape.distinct * 100).toFixed(0)}% distinct, ${(REALISTIC_SHAPE.rejected * 100).toFixed(0)}% rejected): ${full.ms.toFixed(0)} ms (empty file ${base.ms.toFixed(0)} ms) = ${fmt(rate)} lines/s${target} (CPU time ${full.cpuMs.toFixed(0)} ms, empty ${base.cpuMs.toFixed(0)} ms: ${fmt(cpuRate)} lines/s); peak RSS ${full.peakMb.toFixed(0)} MB${rss}`,
      );
      console.log(out.at(-1));
    }
  }
  return out;
}

function startUp(dir: string): string {
  const file = join(dir, 'ten.mm');
  writeFileSync(file, realisticScript(10, 3));
  const [node, check] = pair(dir, [process.execPath, '-e', '0'], mm('check', file), [0, 1]);
  const over = check.ms - node.ms;
  const line = `- start-up: mm check of a 10-line file ${check.ms.toFixed(0)} ms, node -e 0 ${node.ms.toFixed(0)} ms: ${over.toFixed(0)} ms more (medians of ${RUNS}, interleaved) — target within 50 ms: ${over <= 50 ? 'met' : 'NOT met'}; CPU time ${check.cpuMs.toFixed(0)} ms against ${node.cpuMs.toFixed(0)} ms`;
  console.log(line);
  return line;
}

/** `n` launch lines, `vm config memory` before every tenth; queued in a namespace (then flushed) when `ns`. */
function launchLines(n: number, ns: boolean): string {
  const lines = ns ? ['namespace lab'] : [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) lines.push(`vm config memory ${1024 + (i % 7)}`);
    lines.push(`vm launch kvm vm${i}`);
  }
  if (ns) lines.push('vm launch');
  lines.push(ns ? '.annotate false .compress false host vms' : '.annotate false vm info summary');
  return lines.join('\n') + '\n';
}

function launches(dir: string): string[] {
  const out: string[] = [];
  for (const [ns, args, where, limit] of [
    [false, [], 'on one node', 3000],
    [true, ['--nodes', '4'], 'queued in a namespace of 3 hosts (--nodes 4) and flushed', 10_000],
  ] as const) {
    const at: Record<number, Run> = {};
    for (const n of [10_000, 100_000]) {
      const file = join(dir, `launch-${ns}-${n}.mm`);
      writeFileSync(file, launchLines(n, ns));
      at[n] = timed(dir, mm('run', ...args, file));
    }
    const full = at[100_000]!;
    out.push(
      `- 100,000 separate vm launch lines ${where}: ${full.ms.toFixed(0)} ms (CPU time ${full.cpuMs.toFixed(0)} ms), peak RSS ${full.peakMb.toFixed(0)} MB — target < ${fmt(limit)} ms: ${full.ms < limit ? 'met' : 'NOT met'}; 10,000 lines ${at[10_000]!.ms.toFixed(0)} ms (growth ${(full.ms / at[10_000]!.ms).toFixed(1)}x, start-up included)`,
    );
    console.log(out.at(-1));
  }
  return out;
}

function cluster(dir: string): string[] {
  const out: string[] = [];
  const echo = join(dir, 'echo.mm');
  writeFileSync(echo, 'echo ready\n');
  const one = timed(dir, mm('run', echo));
  const meshed = timed(dir, mm('run', '--nodes', '1000', echo));
  out.push(
    `- 1,000 nodes up and meshed (mm run --nodes 1000 of one echo, less mm run of one echo on one node): ${(meshed.ms - one.ms).toFixed(0)} ms — target < 2,000 ms: ${meshed.ms - one.ms < 2000 ? 'met' : 'NOT met'}`,
  );
  console.log(out.at(-1));
  const at: Record<number, Run> = {};
  for (const [nodes, vms] of [
    [100, 10_000],
    [1000, 100_000],
  ] as const) {
    const file = join(dir, `cluster-${nodes}.mm`);
    writeFileSync(file, `namespace big\nnsmod add-host localhost\nvm launch kvm ${vms}\nvm launch\nvm info\n`);
    at[nodes] = timed(dir, mm('run', '--nodes', String(nodes), file));
  }
  const full = at[1000]!;
  out.push(
    `- mm run --nodes 1000: a namespace of all 1,000 nodes launching 100,000 VMs, then vm info: ${full.ms.toFixed(0)} ms (CPU time ${full.cpuMs.toFixed(0)} ms), peak RSS ${full.peakMb.toFixed(0)} MB — target < 15,000 ms and < 2,000 MB: ${full.ms < 15_000 && full.peakMb < 2000 ? 'met' : 'NOT met'}; 100 nodes and 10,000 VMs ${at[100]!.ms.toFixed(0)} ms, ${at[100]!.peakMb.toFixed(0)} MB (growth ${(full.ms / at[100]!.ms).toFixed(1)}x — target <= 12x: ${full.ms / at[100]!.ms <= 12 ? 'met' : 'NOT met'})`,
  );
  console.log(out.at(-1));
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'mm.cjs'))) throw new Error('dist/mm.cjs is missing: run `node scripts/build.mjs`');
  const dir = mkdtempSync(join(tmpdir(), 'mm-scale-'));
  try {
    const only = process.env.MM_SCALE_ONLY;
    const results = [
      ...(only && only !== 'parse' ? [] : checkAndParse(dir)),
      ...(only && only !== 'startup' ? [] : [startUp(dir)]),
      ...(only && only !== 'launch' ? [] : launches(dir)),
      ...(only && only !== 'cluster' ? [] : cluster(dir)),
    ];
    writePerformanceSection(
      'Scale',
      'Measured by `npm run bench scale` (`bench/scale.bench.ts`): every figure is a whole `mm` process (`bin/mm.cjs`, start-up included unless said otherwise), output to /dev/null, peak RSS from GNU time. Scripts are generated: realistic ones by `bench/realistic-script.ts`, shaped like experiments written after minimega’s documented examples. The machine is shared: the load average says how busy it was.',
      results,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
