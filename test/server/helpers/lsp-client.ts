/**
 * A JSON-RPC client for the real, built language server: spawns
 * `node dist/mm.cjs lsp --stdio`, speaks LSP over its stdio, collects the
 * diagnostics it pushes and answers its `workspace/configuration` requests.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../../helpers/shared.js';

/** The built CLI the tests drive. */
export const MM_CJS = join(repoRoot, 'dist', 'mm.cjs');

/** A running server and a client connected to it. */
export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  readonly initializeResult: InitializeResult;
  /** What `workspace/configuration` answers for the `minimega` section. */
  settings: unknown;
  /** Opens a document; resolves once its first diagnostics arrive. */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Sends changes; resolves with the diagnostics of the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  close(uri: string): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics for `uri` at `version` or later. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** The server's stderr so far (for failure messages). */
  stderr(): string;
  /** shutdown + exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

interface Waiter {
  readonly uri: string;
  readonly version: number;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

/** Starts the server (`args` default: `lsp --stdio` of dist/mm.cjs). */
export async function startServer(
  options: { args?: string[]; settings?: unknown; cwd?: string; configuration?: boolean; initializationOptions?: unknown } = {},
): Promise<TestClient> {
  if (!existsSync(MM_CJS)) throw new Error(`${MM_CJS} is missing: run node scripts/build.mjs first`);
  const args = options.args ?? [MM_CJS, 'lsp', '--stdio'];
  const child = spawn(process.execPath, args, { cwd: options.cwd ?? repoRoot, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const versions = new Map<string, number>();
  const latest = new Map<string, PublishDiagnosticsParams>();
  let waiters: Waiter[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    const v = p.version ?? -1;
    const done = waiters.filter((w) => w.uri === p.uri && (v >= w.version || p.version === undefined));
    waiters = waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve(p);
  });
  const client: { settings: unknown } = { settings: options.settings ?? null };
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => client.settings));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: false } },
        publishDiagnostics: { versionSupport: true },
        rename: { prepareSupport: true },
      },
    },
    initializationOptions: options.initializationOptions ?? null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const diagnostics = (uri: string, version = -1): Promise<PublishDiagnosticsParams> => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return Object.assign(client, {
    connection,
    child,
    initializeResult,
    async open(uri: string, text: string) {
      versions.set(uri, 1);
      const p = diagnostics(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'minimega', version: 1, text },
      });
      return p;
    },
    async change(uri: string, changes: TextDocumentContentChangeEvent[]) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      const p = diagnostics(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: changes,
      });
      return p;
    },
    async close(uri: string) {
      const p = diagnostics(uri);
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      return p;
    },
    diagnostics,
    stderr: () => stderr,
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  });
}
