/**
 * Shared by the benchmarks: the machine description, and the sections they
 * write: into `.bench/results.md` (untracked), or into docs/performance.md
 * only when asked (`npm run bench -- --write-docs`), so running a benchmark
 * never changes the tree.
 */
import os from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** CPU, load, the cost of fresh memory and Node version: figures mean little without them. */
export function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical CPUs, load average ${os.loadavg()[0]!.toFixed(1)}; first touch of fresh memory ${freshPageMicros().toFixed(1)} µs per 4 KiB page), ${os.platform()} ${os.release()}, node ${process.version}`;
}

/**
 * What the first write to a page of fresh memory costs, median of 3 (16 MB
 * each). About 0.1-0.5 µs on most machines; in some microVMs (the CI's kind
 * among them) 10 µs or more, which then shows in every figure of a process
 * that grows: 100 MB of peak memory is about 25,000 pages.
 */
export function freshPageMicros(): number {
  const bytes = 16 << 20;
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    const a = new Uint8Array(new ArrayBuffer(bytes));
    for (let i = 0; i < bytes; i += 4096) a[i] = 1;
    runs.push(Number(process.hrtime.bigint() - t) / 1000 / (bytes / 4096));
  }
  return median(runs);
}

/** Set by scripts/bench.mjs for `--write-docs`. */
const WRITE_DOCS = process.env.MM_BENCH_WRITE_DOCS === '1';

/**
 * Replaces (or appends) the section `## title` of the results file
 * (`.bench/results.md`, or docs/performance.md with `--write-docs`) with the
 * intro paragraph, the machine and date, and the body lines.
 */
export function writePerformanceSection(title: string, intro: string, body: readonly string[], machine = machineDescription()): void {
  const docPath = WRITE_DOCS ? join(process.cwd(), 'docs', 'performance.md') : join(process.cwd(), '.bench', 'results.md');
  mkdirSync(dirname(docPath), { recursive: true });
  const section = [`## ${title}`, '', intro, '', `Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.`, '', ...body, ''].join('\n');
  let doc = existsSync(docPath)
    ? readFileSync(docPath, 'utf8')
    : '# Performance\n\nFigures measured by `npm run bench`; each benchmark rewrites its own section.\n\n';
  const start = doc.search(new RegExp(`^## ${title}\\s*$`, 'm'));
  if (start < 0) doc = doc.replace(/\n*$/, '\n\n') + section;
  else {
    const rest = doc.slice(start + 1);
    const next = rest.search(/^## /m);
    doc = doc.slice(0, start) + section + (next < 0 ? '' : '\n' + rest.slice(next));
  }
  writeFileSync(docPath, doc.replace(/\n*$/, '\n'));
  console.log(`wrote the ${title} section of ${docPath}`);
}

/** The `p`th percentile of `xs` (nearest rank; `xs` is not changed). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** The median of `xs` (the upper middle of an even count). */
export const median = (xs: readonly number[]): number => percentile(xs, 50);

/** Runs a benchmark's main function and exits: 0 when it finished, 1 (with the error) when it threw. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
