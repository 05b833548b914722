/**
 * The JSON-RPC client the language server benchmarks drive the built server
 * (`dist/mm.cjs lsp --stdio`) with, over pipes, and the percentiles they report.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { percentile } from './report.js';

const MM = join(process.cwd(), 'dist', 'mm.cjs');

/** A running server and the client connected to it. */
export interface Server {
  readonly connection: ProtocolConnection;
  /** The first diagnostics published for `uri` at `version` or later. */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  /** How many times diagnostics were published for each version of `uri`. */
  publications(uri: string): ReadonlyMap<number, number>;
  stop(): Promise<void>;
}

/** Spawns a server and initializes it; `startupMs` is spawn to the initialize result. */
export async function startServer(): Promise<{ server: Server; startupMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [MM, 'lsp', '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const published = new Map<string, Map<number, number>>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    let byVersion = published.get(p.uri);
    if (!byVersion) published.set(p.uri, (byVersion = new Map()));
    byVersion.set(p.version ?? -1, (byVersion.get(p.version ?? -1) ?? 0) + 1);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (p.version ?? 0) >= w.version) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  const startupMs = performance.now() - t0;
  await connection.sendNotification(InitializedNotification.type, {});
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    startupMs,
    server: {
      connection,
      diagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
      publications: (uri) => published.get(uri) ?? new Map(),
      async stop() {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        await exited;
        connection.dispose();
      },
    },
  };
}

/** Milliseconds, one decimal. */
export const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** The `p1`th and `p2`th percentiles of `xs`, as "a ms / b ms". */
export const pair = (xs: readonly number[], p1: number, p2: number): string => `${ms(percentile(xs, p1))} / ${ms(percentile(xs, p2))}`;

/** A report row: measure, result, target, and whether the target is met (undefined: no target). */
export type Row = [string, string, string, boolean | undefined];
