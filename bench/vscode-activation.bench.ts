/**
 * Activation of the VS Code extension: the time to load its bundle
 * (vscode-extension/dist/extension.js, built with `--production` as the
 * .vsix ships it) and to run its `activate`, which is what VS Code's
 * extension host times, and which of the extension's files that loads.
 * Each sample is a fresh Node process (a cold `require`), in a stub host:
 * `require('vscode')` answers a recording stand-in of the API whose every
 * call returns at once, so the figure is the extension's own work, not VS
 * Code's. The language server is started by `activate` but not awaited
 * (its start-up is the "Language server" section). The real-editor check of
 * what activation loads is test/e2e/vscode.test.ts; this is the figure.
 * Run with `npm run bench vscode-activation`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineDescription, median, writePerformanceSection } from './report.js';

const ROOT = process.cwd();
const EXTENSION_DIR = join(ROOT, 'vscode-extension');
const BUNDLE = join(EXTENSION_DIR, 'dist', 'extension.js');
const SAMPLES = 15;
/** The VS Code version the stub claims: the e2e test's (code-server 4.100.3). */
const VERSION = '1.100.3';

interface Sample {
  readonly loadMs: number;
  readonly activateMs: number;
  readonly loaded: string[];
  readonly apiCalls: number;
}

/**
 * The names the `vscode` module exports (namespaces, classes, enums, functions), read from
 * @types/vscode: a bundle copies the module's own keys when it imports it.
 */
function apiNames(): string[] {
  const dts = readFileSync(join(ROOT, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^[\t ]{1,4}export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!))];
}

/** A stand-in for the `vscode` module: every property and call answers another stand-in, and is counted. */
function stubApi(counter: { calls: number }): unknown {
  const names = apiNames();
  const make = (top = false): unknown => {
    // What the extension sets on the object (a status item's text, ...) reads back.
    const set = new Map<string | symbol, unknown>();
    return new Proxy(function stub() {}, {
      set(_target, key, value) {
        set.set(key, value);
        return true;
      },
      ownKeys(target) {
        return top ? [...new Set([...Reflect.ownKeys(target), ...names])] : Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, key) {
        if (top && typeof key === 'string' && names.includes(key)) return { configurable: true, enumerable: true, value: key === 'version' ? VERSION : make() };
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      get(_target, key) {
        if (set.has(key)) return set.get(key);
        // Not a promise (awaiting it must not hang), not iterable items, no primitive value.
        if (key === 'then') return undefined;
        if (key === Symbol.iterator) return function* empty() {};
        if (key === Symbol.toPrimitive) return () => '';
        if (key === 'prototype') return {};
        // The language client checks the editor's version before it starts.
        if (top && key === 'version') return VERSION;
        return make();
      },
      apply() {
        counter.calls++;
        return make();
      },
      construct() {
        counter.calls++;
        return make() as object;
      },
    });
  };
  return make(true);
}

/** One cold sample, in this (child) process. */
function sample(): Sample {
  const counter = { calls: 0 };
  const api = stubApi(counter);
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: typeof load })._load = function loadWithStub(request: string, ...rest: unknown[]) {
    return request === 'vscode' ? api : load.call(this, request, ...rest);
  };
  const require = Module.createRequire(BUNDLE);
  const t0 = performance.now();
  const extension = require(BUNDLE) as { activate: (context: unknown) => unknown; deactivate?: () => unknown };
  const t1 = performance.now();
  const context = {
    subscriptions: [] as unknown[],
    extensionPath: EXTENSION_DIR,
    extensionUri: api,
    asAbsolutePath: (p: string) => join(EXTENSION_DIR, p),
    globalState: api,
    workspaceState: api,
    extensionMode: 1,
  };
  extension.activate(context);
  const t2 = performance.now();
  const loaded = Object.keys(require.cache)
    .filter((f) => f.startsWith(`${EXTENSION_DIR}/`))
    .map((f) => f.slice(EXTENSION_DIR.length + 1))
    .sort();
  return { loadMs: t1 - t0, activateMs: t2 - t1, loaded, apiCalls: counter.calls };
}

function main(): void {
  if (process.argv[2] === '--sample') {
    process.stdout.write(`${JSON.stringify(sample())}\n`);
    // The language server `activate` started is not part of the figure: the process ends here.
    process.exit(0);
  }
  const built = spawnSync(process.execPath, [join(EXTENSION_DIR, 'esbuild.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(BUNDLE)) throw new Error('vscode-extension/esbuild.mjs --production failed');
  const self = fileURLToPath(import.meta.url);
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const r = spawnSync(process.execPath, [self, '--sample'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`activation sample ${i} failed (exit ${r.status}):\n${r.stderr}`);
    samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as Sample);
  }
  const loads = samples.map((s) => s.loadMs);
  const activates = samples.map((s) => s.activateMs);
  const totals = samples.map((s) => s.loadMs + s.activateMs);
  const fmt = (x: number): string => `${x.toFixed(1)} ms`;
  const body = [
    '| | median | max |',
    '|---|---|---|',
    `| load dist/extension.js | ${fmt(median(loads))} | ${fmt(Math.max(...loads))} |`,
    `| activate() | ${fmt(median(activates))} | ${fmt(Math.max(...activates))} |`,
    `| activation (load + activate) | ${fmt(median(totals))} | ${fmt(Math.max(...totals))} |`,
    '',
    `Files of the extension loaded by activation: ${samples[0]!.loaded.map((f) => `\`${f}\``).join(', ')}; calls into the vscode API: ${samples[0]!.apiCalls}.`,
  ];
  console.log(body.join('\n'));
  writePerformanceSection(
    'VS Code extension activation',
    `The bundle as the .vsix ships it, loaded and activated in a fresh Node process (${SAMPLES} samples), with a stub of the \`vscode\` module that answers every call at once: the extension's own work at activation, without VS Code's. The language server it starts is not awaited by activation.`,
    body,
    machineDescription(),
  );
}

main();
