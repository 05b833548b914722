/**
 * Runtime benchmarks: launching then listing 100,000 VMs as a user does it
 * (`mm run` in a child process: wall time and peak resident memory), the same
 * in this process phase by phase, and commands per second on 100,000-line
 * scripts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineDescription, writePerformanceSection } from './report.js';
import { createNode } from '../interpreter/sim-node.js';
import { runLine } from '../interpreter/session.js';
import { batchChunks, renderBatch } from '../interpreter/render/index.js';

const MM = join(process.cwd(), 'dist', 'mm.cjs');
const TIME = '/usr/bin/time';
const VMS = 100_000;
const RUNS = 3;

/** Every line different (no two lines compile the same). */
function distinctScript(n: number): string[] {
  const shapes = [
    (i: number) => `vm config memory ${1024 + i}`,
    (i: number) => `vm config tag k${i % 50} v${i}`,
    (i: number) => `echo line ${i}`,
    (i: number) => `.annotate false vm config memory # ${i}`,
    (i: number) => `vm config net ${100 + (i % 3000)}`,
  ];
  return Array.from({ length: n }, (_, i) => shapes[i % shapes.length]!(i));
}

function mixedScript(n: number): string[] {
  const lines = [
    'vm config memory 1024',
    'vm config vcpus 2',
    'vm config net 100',
    'vm config tag role web',
    'echo hello world',
    'vm config memory',
    '.annotate false vm config vcpus',
    'vlans',
    'vm config snapshot false',
    '# a comment',
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]!);
  return out;
}

const results: string[] = [];
const say = (line: string): void => {
  console.log(line);
  results.push(`- ${line}`);
};

async function commandsPerSecond(label: string, lines: string[]): Promise<void> {
  const node = createNode({ name: 'bench' });
  for (const l of lines.slice(0, 5000)) await runLine(node, l);
  node.history = [];
  const t0 = performance.now();
  for (const l of lines) {
    const o = await runLine(node, l);
    for (const b of o.batches) renderBatch(b, node.flags);
  }
  const ms = performance.now() - t0;
  say(`${label}: ${lines.length} lines in ${ms.toFixed(0)} ms = ${Math.round(lines.length / (ms / 1000)).toLocaleString('en')} commands/s (target 200,000)`);
}

/** One `mm run` child: wall time and peak resident set (the kernel's high-water mark, VmHWM). */
interface ChildRun {
  readonly ms: number;
  /** Peak RSS in MB (10^6 bytes). */
  readonly peakMb: number;
  readonly outBytes: number;
  readonly outLines: number;
}

function countLines(path: string): number {
  const text = readFileSync(path);
  let n = 0;
  for (let i = text.indexOf(10); i >= 0; i = text.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Runs `node dist/mm.cjs run --name bench SCRIPT` with stdout to a file, as a
 * user would. The peak comes from GNU time (`%M`, from wait4's rusage) when
 * installed; otherwise the child reports its own `maxRSS` as it exits.
 */
function runMm(dir: string, script: string): ChildRun {
  const scriptPath = join(dir, 'script.mm');
  const outPath = join(dir, 'out.txt');
  const peakPath = join(dir, 'peak.txt');
  writeFileSync(scriptPath, script);
  const mm = [process.execPath, MM, 'run', '--name', 'bench', scriptPath];
  let argv = [TIME, '-f', '%M', '-o', peakPath, ...mm];
  if (!existsSync(TIME)) {
    const hook = join(dir, 'peak-hook.cjs');
    writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(peakPath)}, String(process.resourceUsage().maxRSS)));\n`);
    argv = [process.execPath, '--require', hook, ...mm.slice(1)];
  }
  const out = openSync(outPath, 'w');
  const t0 = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  closeSync(out);
  if (r.status !== 0) throw new Error(`mm run failed (${r.status}): ${r.stderr}`);
  // Both report KiB; a warning from time (a signal) would come before the figure.
  const peakKib = Number(readFileSync(peakPath, 'utf8').trim().split('\n').pop());
  return { ms, peakMb: (peakKib * 1024) / 1e6, outBytes: statSync(outPath).size, outLines: countLines(outPath) };
}

/** What a user sees: `mm run` of `vm launch kvm 100000` then `vm info`, output to a file. */
function launchAndListAsUser(): void {
  if (!existsSync(MM)) throw new Error('dist/mm.cjs is missing: run `node scripts/build.mjs`');
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-'));
  try {
    const idle = runMm(dir, 'echo ready\n');
    const runs: ChildRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = runMm(dir, `vm config net 100\nvm launch kvm ${VMS}\nvm info\n`);
      // A header line and one line per VM, or the figure means nothing.
      if (run.outLines !== VMS + 1) throw new Error(`mm run printed ${run.outLines} lines, expected ${VMS + 1}`);
      runs.push(run);
    }
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const peak = Math.max(...runs.map((r) => r.peakMb));
    const how = existsSync(TIME) ? 'GNU time %M' : "the child's maxRSS";
    say(
      `100,000 VMs launched and listed by \`mm run\` (a child process, output to a file, ${(runs[0]!.outBytes / 1e6).toFixed(1)} MB): ` +
        `${median.toFixed(0)} ms (median of ${RUNS}; ${times.map((t) => t.toFixed(0)).join(', ')}; target 2000 ms: ${median < 2000 ? 'met' : 'NOT met'}), ` +
        `peak RSS ${peak.toFixed(0)} MB (highest of ${RUNS}, ${how}; target 300 MB: ${peak < 300 ? 'met' : 'NOT met'}); ` +
        `start-up alone (\`mm run\` of one echo): ${idle.ms.toFixed(0)} ms, ${idle.peakMb.toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same in this process, phase by phase; the text is rendered in chunks and counted, not kept. */
async function launchAndList(): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const node = createNode({ name: 'bench' });
  await runLine(node, 'vm config net 100');
  const t0 = performance.now();
  const launch = await runLine(node, `vm launch kvm ${VMS}`);
  const t1 = performance.now();
  const info = await runLine(node, 'vm info');
  const t2 = performance.now();
  let chars = 0;
  for (const chunk of batchChunks(info.batches[0]!, node.flags)) chars += chunk.length;
  const t3 = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  const errors = launch.batches.flat().filter((r) => r.error !== '').length;
  say(
    `the same in the benchmark process: launch ${(t1 - t0).toFixed(0)} ms, vm info ${(t2 - t1).toFixed(0)} ms, ` +
      `render ${(t3 - t2).toFixed(0)} ms (${(chars / 1e6).toFixed(1)} MB of text), total ${(t3 - t0).toFixed(0)} ms; ` +
      `peak RSS ${(peak / 1e6).toFixed(0)} MB (the process held ${(before / 1e6).toFixed(0)} MB before); errors ${errors}`,
  );
}

const machine = machineDescription();
console.log(`machine: ${machine}`);
launchAndListAsUser();
// The in-process VM benchmark runs before anything else here, so its peak is its own.
await launchAndList();
await commandsPerSecond('mixed script (10 command lines repeated)', mixedScript(100_000));
await commandsPerSecond('every line distinct', distinctScript(100_000));

writePerformanceSection(
  'Runtime',
  'Measured by `npm run bench` (`bench/runtime.bench.ts`). The first figure is what a user sees: `node dist/mm.cjs run` in a child process on a script that launches 100,000 VMs and lists them with `vm info`, output written to a file; time is wall time from spawn to exit (start-up included), memory the peak resident set of the child. `mm run` writes a table as it renders it, in chunks of about 64 K characters, so the 40 MB of text never exists as one string. The other figures run one simulated node in the benchmark process, where every command is compiled, dispatched and its output rendered as `mm run` does (the text is not written anywhere). Compiled lines are cached by text, so a script that repeats lines compiles each distinct line once; the last figure has no repeated line at all (lines that differ only in their digits are rebuilt from one compiled line of their shape).',
  results,
  machine,
);
