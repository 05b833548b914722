/**
 * The one place that creates the connection. Speaks LSP over stdio (or over
 * Node IPC when started with `--node-ipc`, as VS Code's client may do).
 */
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createServer } from './server.js';

/** Starts the language server on this process's stdin/stdout and listens. */
export function startLanguageServer(): void {
  const connection: Connection = process.argv.includes('--node-ipc')
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // stdout carries the protocol: anything logged goes to the client's log instead.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  createServer(connection);
  connection.listen();
}
