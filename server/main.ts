/**
 * The one place that creates the connection. Speaks LSP over stdio (or over
 * Node IPC when started with `--node-ipc`, as VS Code's client may do).
 */
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, type Connection, type MessageWriter } from 'vscode-languageserver/node';
import { readFramed } from './lsp-framing.js';
import { createStreamWriter } from './lsp-writer.js';
import { GatedReader, type MessageSource } from './lsp-gate.js';
import { createServer } from './server.js';
import { tuneJitForLanguageBatch } from './jit-tuning.js';

/** Starts the language server on this process's stdin/stdout and listens. */
export function startLanguageServer(): void {
  // A server's first work is opening documents, a long batch for a fresh process.
  tuneJitForLanguageBatch();
  // Every message passes the gate (lsp-gate.ts) before the connection sees it.
  let writer: MessageWriter;
  let source: MessageSource;
  if (process.argv.includes('--node-ipc')) {
    writer = new IPCMessageWriter(process);
    const ipc = new IPCMessageReader(process);
    source = (deliver, closed) => {
      ipc.onClose(closed);
      ipc.listen((m) => deliver({ ok: true, value: m }));
    };
  } else {
    writer = createStreamWriter(process.stdout);
    source = (deliver, closed) => readFramed(process.stdin, deliver, closed);
  }
  // As the library does for streams: the end of the input ends the server (status 1 without
  // shutdown, as LSP asks); a status 1 says why on stderr, which is not the protocol's stream.
  let exitSeen = false;
  const gate = new GatedReader(
    (deliver, closed) =>
      source(deliver, () => {
        closed();
        if (!gate.shutdownReceived && !exitSeen) process.stderr.write('mm lsp: the client closed the connection without `shutdown`: exit status 1 (LSP)\n');
        process.exit(gate.shutdownReceived ? 0 : 1);
      }),
    writer,
  );
  gate.onExit = (afterShutdown) => {
    exitSeen = true;
    if (!afterShutdown) process.stderr.write('mm lsp: `exit` without `shutdown` first: exit status 1 (LSP)\n');
  };
  const connection: Connection = createConnection(ProposedFeatures.all, gate, writer);
  // stdout carries the protocol: anything logged goes to the client's log instead.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  createServer(connection);
  connection.listen();
}
