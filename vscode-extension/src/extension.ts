/**
 * The minimega extension: a thin client. It starts the bundled language server
 * (dist/server.js) over stdio and registers the run and reference commands;
 * every language feature lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommandSetImport } from './command-set-import.js';
import { registerDialectStatus } from './dialect-status.js';
import { registerReferenceCommand } from './reference-view.js';
import { registerRunCommands } from './run-commands.js';

let client: LanguageClient | undefined;

/** Called by VS Code on the first `.mm` file (activation event `onLanguage:minimega`). */
export function activate(context: vscode.ExtensionContext): void {
  registerRunCommands(context);
  registerReferenceCommand(context);

  // stdio, the transport of `mm lsp --stdio` in Neovim and Emacs: every client takes one path.
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: ['--stdio'] },
    debug: { module, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'minimega' },
      { scheme: 'untitled', language: 'minimega' },
    ],
    // The server reads `minimega.*` through workspace/configuration and is told when it changes.
    synchronize: { configurationSection: 'minimega' },
    // Hovers end with a link that runs "Show Command Reference" (a command: link needs trusted Markdown).
    initializationOptions: { referenceCommand: true },
    markdown: { isTrusted: { enabledCommands: ['minimega.showCommandReference'] } },
  };
  client = new LanguageClient('minimega', 'minimega language server', serverOptions, clientOptions);
  // Not awaited: activation stays fast (it is measured by the e2e test); the client queues
  // requests until the server has answered `initialize`.
  const started = client.start();
  started.catch((e: unknown) => {
    void vscode.window.showErrorMessage(`minimega: the language server did not start: ${String(e)}`);
  });
  const refreshStatus = registerDialectStatus(context, client, started);
  registerCommandSetImport(context, client, refreshStatus);
}

/** Stops the language server (VS Code waits for the returned promise). */
export function deactivate(): Thenable<void> | undefined {
  const c = client;
  client = undefined;
  return c?.stop();
}
