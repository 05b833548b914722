/**
 * *minimega: Use Command Set from a minimega Binary...*: picks a minimega
 * binary (or a saved `minimega -cli` output), has the language server import
 * it into the workspace (`minimega/importCommandSet`, the same import as
 * `mm catalog import`), and points `minimega.dialect` at the file. The
 * status bar then shows the imported set.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type ImportResult = { readonly ok: true; readonly summary: string; readonly notes: readonly string[] } | { readonly ok: false; readonly error: string };

const FILE_NAME = 'minimega-commands.json';

/** Registers the command; `changed` refreshes the status bar afterwards. */
export function registerCommandSetImport(context: vscode.ExtensionContext, client: LanguageClient, changed: () => void): void {
  context.subscriptions.push(vscode.commands.registerCommand('minimega.useCommandSet', () => useCommandSet(client).then(changed)));
}

async function useCommandSet(client: LanguageClient): Promise<void> {
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'A minimega binary', description: 'runs it once with -cli and once with -version; it starts nothing', binary: true },
      { label: 'A saved `minimega -cli` output', description: 'a JSON file (the version is then unknown)', binary: false },
    ],
    { title: 'minimega: Use Command Set from a minimega Binary', placeHolder: 'Where do the commands come from?' },
  );
  if (!kind) return;
  const picked = await vscode.window.showOpenDialog({
    title: kind.binary ? 'The minimega binary' : 'The saved minimega -cli output',
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    ...(kind.binary ? {} : { filters: { JSON: ['json'], 'All files': ['*'] } }),
  });
  const source = picked?.[0]?.fsPath;
  if (!source) return;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const output = folder
    ? path.join(folder.uri.fsPath, FILE_NAME)
    : (await vscode.window.showSaveDialog({ title: 'Where to keep the command set', filters: { JSON: ['json'] } }))?.fsPath;
  if (!output) return;
  if (!output.endsWith('.json')) {
    void vscode.window.showErrorMessage('minimega: the command set file must end in .json.');
    return;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'minimega: importing the command set...' }, () =>
    client.sendRequest<ImportResult>('minimega/importCommandSet', { ...(kind.binary ? { binary: source } : { json: source }), output }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(`minimega: ${result.error}`);
    return;
  }
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('minimega').update('dialect', output, target);
  const first = result.summary.split('\n')[0] ?? '';
  const notes = result.notes.length > 0 ? ` Note: ${result.notes.join(' ')}` : '';
  void vscode.window.showInformationMessage(`minimega: ${first}. Scripts without a first-line directive now use it (minimega.dialect).${notes}`);
}
