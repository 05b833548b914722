/**
 * Runs fuzz inputs against the driver (`driver.ts`, bundled into a temporary
 * directory and run in a child process) one at a time, each with a
 * deadline: a driver that does not answer in time is killed and the input
 * reported as a hang. The language server is fuzzed the same way, over its
 * real stdio. Budgets are counts, so a run is reproducible from its seed.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers/shared.js';
import { mmBin } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';
import { createRandom, line, script } from './inputs.js';

/** Longest any one input may take (generous: the machine is shared). */
export const DEADLINE_MS = 5_000;

/** A fuzz target run in the driver. */
export type DriverTarget = 'parse' | 'check' | 'node' | 'cluster';

export interface Finding {
  readonly target: string;
  readonly seed: number;
  readonly index: number;
  readonly input: string;
  readonly problem: string;
}

/** A fresh directory the fuzzed code may write in (and nothing else), removed when the test ends. */
export function fuzzDir(): string {
  const dir = testTempDir('mm-fuzz-');
  mkdirSync(join(dir, 'files'));
  return dir;
}

/** The driver bundled into `dir` (esbuild, as the CLI is built). */
function bundleDriver(dir: string): string {
  const out = join(dir, 'driver.cjs');
  buildSync({
    entryPoints: [join(repoRoot, 'test/fuzz/driver.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'error',
  });
  return out;
}

/** Runs `count` inputs of `target` from `seed` in a driver whose writable directory is `dir` (call it in a test). */
export async function fuzzDriver(target: DriverTarget, seed: number, count: number, dir: string): Promise<Finding[]> {
  const driver = bundleDriver(testTempDir('mm-fuzz-driver-'));
  const r = createRandom(seed);
  const findings: Finding[] = [];
  let child = start(driver, dir);
  for (let i = 0; i < count; i++) {
    const input = target === 'node' || target === 'cluster' ? line(r) : script(r);
    const answer = await child.ask(JSON.stringify({ target, text: input }));
    if (answer === undefined) {
      findings.push({ target, seed, index: i, input, problem: `no answer within ${DEADLINE_MS} ms (or the driver died): ${child.stderr().slice(-2000)}` });
      await child.kill();
      child = start(driver, dir);
      continue;
    }
    const a = JSON.parse(answer) as { ok: boolean; error?: string };
    if (!a.ok) findings.push({ target, seed, index: i, input, problem: a.error ?? '' });
  }
  // Gone before the test's end removes the directories it works in.
  await child.kill();
  return findings;
}

interface Driver {
  /** Sends one request; resolves with its answer line, or undefined after the deadline. */
  ask(request: string): Promise<string | undefined>;
  stderr(): string;
  /** Kills the driver; resolves once it has exited. */
  kill(): Promise<void>;
}

function start(driver: string, dir: string): Driver {
  const child = spawn(process.execPath, [driver], { cwd: dir, env: { ...process.env, MM_FUZZ_DIR: dir, HOME: dir }, stdio: 'pipe' });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-10_000)));
  let waiting: ((l: string | undefined) => void) | undefined;
  createInterface({ input: child.stdout }).on('line', (l) => {
    const w = waiting;
    waiting = undefined;
    w?.(l);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    const w = waiting;
    waiting = undefined;
    w?.(undefined);
  });
  return {
    ask: (request) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          resolve(undefined);
        }, DEADLINE_MS);
        waiting = (l) => {
          clearTimeout(timer);
          resolve(l);
        };
        child.stdin.write(request + '\n');
      }),
    stderr: () => err,
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

/** Requests with a position the language server answers, sent at random places. */
const POSITIONAL = [
  'textDocument/completion',
  'textDocument/hover',
  'textDocument/signatureHelp',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/prepareRename',
];
const WHOLE = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full'];

/**
 * Opens `count` fuzzed documents in the real server (`mm lsp --stdio`, run
 * in `dir`), edits each a few times and sends requests at random positions;
 * every request must be answered (result or error) within the deadline.
 */
export async function fuzzLanguageServer(seed: number, count: number, dir: string): Promise<Finding[]> {
  const r = createRandom(seed);
  const findings: Finding[] = [];
  let server = await startServer(dir);
  for (let i = 0; i < count; i++) {
    const text = script(r);
    const uri = `file://${dir}/doc${i}.mm`;
    let input = text;
    const problem = await withDeadline(async () => {
      server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'minimega', version: 1, text } });
      let doc = text;
      for (let v = 2; v < 5; v++) {
        const lines = doc.split('\n');
        const at = Math.floor(r() * lines.length);
        const ch = Math.floor(r() * ((lines[at] ?? '').length + 1));
        const insert = r() < 0.5 ? line(r) : '\n';
        input += `\n--- edit ${at}:${ch} ${JSON.stringify(insert)}`;
        server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line: at, character: ch }, end: { line: at, character: ch } }, text: insert }],
        });
        lines[at] = (lines[at] ?? '').slice(0, ch) + insert + (lines[at] ?? '').slice(ch);
        doc = lines.join('\n');
        const method = r() < 0.7 ? POSITIONAL[Math.floor(r() * POSITIONAL.length)]! : WHOLE[Math.floor(r() * WHOLE.length)]!;
        const l = Math.floor(r() * (doc.split('\n').length + 1));
        const position = { line: l, character: Math.floor(r() * 50) };
        const params = { textDocument: { uri }, position, context: { includeDeclaration: true } };
        await server.connection.sendRequest(method, params).catch((e: { code?: number }) => {
          // Protocol-level refusals are fine; an internal error is not.
          if (e.code === -32603) throw new Error(`${method} answered an internal error: ${String((e as Error).message)}`);
        });
      }
      server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
    if (problem) {
      findings.push({ target: 'lsp', seed, index: i, input, problem: `${problem}\n${server.stderr().slice(-2000)}` });
      await server.kill();
      server = await startServer(dir);
    }
  }
  await server.stop();
  return findings;
}

async function withDeadline(f: () => Promise<void>): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${DEADLINE_MS * 3} ms`), DEADLINE_MS * 3)));
  try {
    return await Promise.race([
      f().then(
        () => '',
        (e: Error) => e.message,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface Server {
  readonly connection: ProtocolConnection;
  stderr(): string;
  /** Kills the server; resolves once it has exited. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(dir: string): Promise<Server> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [mmBin, 'lsp', '--stdio'], {
    cwd: dir,
    env: { ...process.env, HOME: dir },
    stdio: 'pipe',
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-10_000)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: null, rootUri: `file://${dir}`, capabilities: { workspace: { configuration: true } } });
  connection.sendNotification('initialized', {});
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    connection,
    stderr: () => err,
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}
