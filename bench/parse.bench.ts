/**
 * Parsing benchmarks: parse + match throughput of a generated, realistic
 * 100,000-line script (lines/s and MB/s, single core, best of several runs
 * after warm-up), and the incremental re-check of one changed line in a
 * 100,000-line document (lexLine + buildLine on that line, as the language
 * server does). Prints the figures and the machine, and writes them into the
 * "Parsing" section of the results file (`report.ts`; other sections are left alone).
 */
import { spawnSync } from 'node:child_process';
import { machineDescription, writePerformanceSection } from './report.js';
import { mulberry32 } from '../interpreter/random.js';
import { createLanguageService, dialect31, lexLine, lexScript, type DialectVersion } from '../language/index.js';

const LINES = 100_000;
const TARGET_LINES_PER_S = 500_000;
const TARGET_RECHECK_US = 1000;
/** 3.1's parse throughput should be within 10% of 2.3's. */
const TARGET_31_RATIO = 0.9;

/** The one shape whose command differs between the dialects: adding hosts to a namespace. */
const ADD_HOSTS: Readonly<Record<DialectVersion, string>> = { '2.3': 'nsmod add-host', '3.1': 'ns add-hosts' };

/** Seeded numbers in [0, 1), so every run parses the same script. */
function prng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** A realistic experiment script: namespaces, VM configuration and launches, queries, comments (valid in `version`). */
export function generateScript(n: number, seed = 1, version: DialectVersion = '2.3'): string {
  const r = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const mac = (): string => Array.from({ length: 6 }, () => int(0, 255).toString(16).padStart(2, '0')).join(':');
  const roles = ['web', 'db', 'dns', 'router', 'client', 'attacker', 'sensor'];
  const shapes: Array<[number, () => string]> = [
    [3, () => `vm config memory ${pick([512, 1024, 2048, 4096, 8192])}`],
    [3, () => `vm config vcpus ${int(1, 8)}`],
    [4, () => `vm config net ${int(100, 199)}`],
    [2, () => `vm config net LAN,${mac()} ${int(100, 199)} mega_bridge,WAN,${mac()}`],
    [2, () => `vm config disk /images/${pick(roles)}-${int(1, 9)}.qcow2`],
    [1, () => `vm config snapshot ${pick(['true', 'false'])}`],
    [1, () => `vm config kernel /boot/vmlinuz-4.${int(0, 19)}`],
    [1, () => `vm config initrd /boot/initrd-4.${int(0, 19)}.img`],
    [1, () => `vm config append console=ttyS0 ip=dhcp`],
    [1, () => `vm config tag role ${pick(roles)}`],
    [3, () => `vm launch kvm ${pick(roles)}[1-${int(2, 50)}]`],
    [1, () => `vm launch container ct${int(1, 999)} noblock`],
    [1, () => 'vm launch'],
    [2, () => pick(['vm start all', `vm stop ${pick(roles)}${int(1, 9)}`, `vm kill ${pick(roles)}[1-3]`, 'vm flush'])],
    [2, () => `namespace lab${int(1, 20)}`],
    [2, () => `namespace lab${int(1, 20)} vm info`],
    [1, () => `${ADD_HOSTS[version]} node[1-${int(2, 16)}]`],
    [2, () => `.columns name,state,ip,vlan vm info`],
    [1, () => `.filter state=running .columns name,host vm info`],
    [1, () => `.annotate false .headers false vm info summary`],
    [1, () => `.csv true vm info`],
    [1, () => `clear vm config`],
    [1, () => `clear vm config ${pick(['net', 'disk', 'memory', 'tag'])}`],
    [1, () => `cc exec ls -l /tmp/${pick(roles)}`],
    [1, () => `cc filter os=linux`],
    [1, () => `tap create ${int(100, 199)} ip 10.${int(0, 255)}.${int(0, 255)}.1/24`],
    [1, () => `vlans add ${pick(roles)}-lan ${int(100, 199)}`],
    [1, () => `mesh send all vm info`],
    [1, () => `host name`],
    [1, () => `vm c memory 2048`],
    [1, () => `echo "starting ${pick(roles)} phase ${int(1, 9)}" # progress`],
    [3, () => `# ${pick(['Configure', 'Launch', 'Start', 'Check'])} the ${pick(roles)} VMs (step ${int(1, 99)})`],
    [3, () => ''],
  ];
  const total = shapes.reduce((s, [w]) => s + w, 0);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let x = r() * total;
    for (const [w, make] of shapes) {
      x -= w;
      if (x < 0) {
        lines.push(make());
        break;
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** A ratio of throughputs as a percentage. */
function ratioText(r: number): string {
  return `${Math.round(r * 100)}%`;
}

/** The best times of `f` and `g` over runs taken in turns. */
function bestOfPair(runs: number, warmups: number, f: () => void, g: () => void): [number, number] {
  for (let i = 0; i < warmups; i++) {
    f();
    g();
  }
  let bestF = Infinity;
  let bestG = Infinity;
  for (let i = 0; i < runs; i++) {
    bestF = Math.min(bestF, timed(f));
    bestG = Math.min(bestG, timed(g));
  }
  return [bestF, bestG];
}

function timed(f: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  f();
  return performance.now() - t;
}

function bestOf(runs: number, warmups: number, f: () => void): number {
  for (let i = 0; i < warmups; i++) f();
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timed(f));
  return best;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en');

// Single core for real: V8's background threads (concurrent GC and compilers)
// would otherwise work on the second core. Re-run this file with them off.
if (!process.execArgv.includes('--single-threaded')) {
  const r = spawnSync(process.execPath, ['--single-threaded', ...process.execArgv, process.argv[1]!], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const machine = machineDescription();
console.log(`machine: ${machine}`);

const text = generateScript(LINES);
const language = createLanguageService();
const bytes = Buffer.byteLength(text, 'utf8');

// Sanity: the generated script is realistic, so it has no errors.
const check = language.parseScript(text);
const errors = check.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) throw new Error(`generated script has errors: ${errors[0]!.message}`);

const lexMs = bestOf(5, 2, () => lexScript(text));
const parseMs = bestOf(5, 2, () => language.parseScript(text));
const parseNoChecksMs = bestOf(5, 2, () => language.parseScript(text, { valueChecks: false }));
// Cold: no line seen before (each distinct line of the script lexed and matched once).
const coldMs = bestOf(5, 2, () => {
  language.clearCaches();
  language.parseScript(text);
});
const distinct = new Set(text.split('\n')).size;

// Incremental re-check: one line of the 100,000-line document changes; the
// language server lexes and compiles that line only, with the aliases in force there.
const docLines = text.split('\n');
const edits = generateScript(1000, 2)
  .split('\n')
  .filter((l) => l !== '');
const aliases = new Map<string, string>();
const recheck = (i: number): void => {
  const line = 50_000 + (i % 1000);
  const t = edits[i % edits.length]!;
  language.buildLine(t, line, lexLine(t), aliases);
};
for (let i = 0; i < 20_000; i++) recheck(i);
const samples: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const t = performance.now();
  recheck(i);
  samples.push((performance.now() - t) * 1000);
}
samples.sort((a, b) => a - b);
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const median = samples[samples.length >> 1]!;
const p99 = samples[Math.floor(samples.length * 0.99)]!;

// minimega 3.1: the same script in 3.1's words, parsed by a 3.1 language service.
const text31 = generateScript(LINES, 1, '3.1');
const language31 = createLanguageService(dialect31);
const errors31 = language31.parseScript(text31).diagnostics.filter((d) => d.severity === 'error');
if (errors31.length > 0) throw new Error(`generated 3.1 script has errors: ${errors31[0]!.message}`);
// Measured in turns with 2.3 (the ratio is the figure): a load that comes and goes then slows both.
const [pair23Ms, parse31Ms] = bestOfPair(
  7,
  2,
  () => language.parseScript(text),
  () => language31.parseScript(text31),
);
const [coldPair23Ms, cold31Ms] = bestOfPair(
  7,
  2,
  () => {
    language.clearCaches();
    language.parseScript(text);
  },
  () => {
    language31.clearCaches();
    language31.parseScript(text31);
  },
);
const warmRatio = pair23Ms / parse31Ms;
const coldRatio = coldPair23Ms / cold31Ms;

const linesPerS = LINES / (parseMs / 1000);
const mbPerS = bytes / 1e6 / (parseMs / 1000);
const result = [
  `Script: ${fmt(LINES)} generated lines (${(bytes / 1e6).toFixed(2)} MB; vm config, vm launch, namespace, .columns/.filter, cc, tap, comments, blank lines; no errors), document of ${fmt(docLines.length - 1)} lines for the re-check.`,
  `- lex only (lexScript): ${fmt(LINES / (lexMs / 1000))} lines/s (${lexMs.toFixed(0)} ms)`,
  `- parse + match (parseScript, value checks on): ${fmt(linesPerS)} lines/s, ${mbPerS.toFixed(1)} MB/s (${parseMs.toFixed(0)} ms) — target ${fmt(TARGET_LINES_PER_S)} lines/s: ${linesPerS >= TARGET_LINES_PER_S ? 'met' : 'NOT met'}`,
  `- parse + match without value checks: ${fmt(LINES / (parseNoChecksMs / 1000))} lines/s (${parseNoChecksMs.toFixed(0)} ms)`,
  `- the two figures above re-use lines parsed before (a line means the same wherever it stands, so each distinct text is lexed and matched once); with that cache emptied before each run (${fmt(distinct)} distinct lines): ${fmt(LINES / (coldMs / 1000))} lines/s (${coldMs.toFixed(0)} ms), ${fmt(distinct / (coldMs / 1000))} distinct lines/s`,
  `- minimega 3.1 (the same script with \`ns add-hosts\` for \`nsmod add-host\`, a 3.1 language service): parse + match ${fmt(LINES / (parse31Ms / 1000))} lines/s (${parse31Ms.toFixed(0)} ms), ${ratioText(warmRatio)} of 2.3's; cache emptied before each run ${fmt(LINES / (cold31Ms / 1000))} lines/s (${cold31Ms.toFixed(0)} ms), ${ratioText(coldRatio)} of 2.3's (each ratio from runs taken in turns with 2.3's) — target ≥ ${Math.round(TARGET_31_RATIO * 100)}% of 2.3's: ${warmRatio >= TARGET_31_RATIO && coldRatio >= TARGET_31_RATIO ? 'met' : 'NOT met'}`,
  `- incremental re-check of one changed line (lexLine + buildLine): mean ${mean.toFixed(1)} µs, median ${median.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs — target < ${fmt(TARGET_RECHECK_US)} µs: ${p99 < TARGET_RECHECK_US ? 'met' : 'NOT met'}`,
];
for (const l of result) console.log(l);

writePerformanceSection(
  'Parsing',
  'Measured by `npm run bench` (`bench/parse.bench.ts`), single core (`node --single-threaded`: no background GC or compiler threads), best of 5 runs after 2 warm-up runs. The load average shows how busy the machine was; other work on it slows every figure down.',
  result,
  machine,
);
