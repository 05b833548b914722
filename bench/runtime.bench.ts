/**
 * Runtime benchmarks: commands per second on a 100,000-line mixed script,
 * and launching then listing 100,000 VMs (time and resident memory).
 */
import { machineDescription, writePerformanceSection } from './report.js';
import { createNode } from '../interpreter/node.js';
import { runLine } from '../interpreter/session.js';
import { renderBatch } from '../interpreter/render/index.js';

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

async function launchAndList(): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const node = createNode({ name: 'bench' });
  await runLine(node, 'vm config net 100');
  const t0 = performance.now();
  const launch = await runLine(node, 'vm launch kvm 100000');
  const t1 = performance.now();
  const info = await runLine(node, 'vm info');
  const text = renderBatch(info.batches[0]!, node.flags);
  const t2 = performance.now();
  const rss = process.memoryUsage().rss;
  const errors = launch.batches.flat().filter((r) => r.error !== '').length;
  say(
    `100,000 VMs: launch ${(t1 - t0).toFixed(0)} ms, vm info + render ${(t2 - t1).toFixed(0)} ms (${(text.length / 1e6).toFixed(1)} MB of text), ` +
      `total ${(t2 - t0).toFixed(0)} ms (target 2000 ms); RSS ${(rss / 1e6).toFixed(0)} MB (grew ${((rss - before) / 1e6).toFixed(0)} MB; target 300 MB); errors ${errors}`,
  );
}

const machine = machineDescription();
console.log(`machine: ${machine}`);
// The VM benchmark runs first, in a fresh process, so its memory figure is its own.
await launchAndList();
await commandsPerSecond('mixed script (10 command lines repeated)', mixedScript(100_000));
await commandsPerSecond('every line distinct', distinctScript(100_000));

writePerformanceSection(
  'Runtime',
  'Measured by `npm run bench` (`bench/runtime.bench.ts`): one simulated node in the benchmark process; every command is compiled, dispatched and its output rendered as `mm run` does (the text is not written anywhere). Compiled lines are cached by text, so a script that repeats lines compiles each distinct line once; the second figure has no repeated line at all.',
  results,
  machine,
);
