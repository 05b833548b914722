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
import type { ImportCommandSetResult } from '../../server/features/import-command-set.js';

const FILE_NAME = 'minimega-commands.json';

const REFERENCE_SCHEME = 'minimega-imported-reference';

/** Registers the commands; `changed` refreshes the status bar after an import. */
export function registerCommandSetImport(context: vscode.ExtensionContext, client: LanguageClient, changed: () => void): void {
  // The reference of the script's imported set, as a read-only Markdown document (its query names the script).
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: async (uri) => (await client.sendRequest<string | null>('minimega/importedReference', { uri: uri.query })) ?? '',
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('minimega.useCommandSet', () => useCommandSet(client).then(changed)),
    vscode.workspace.registerTextDocumentContentProvider(REFERENCE_SCHEME, provider),
    vscode.commands.registerCommand('minimega.showImportedReference', () => showImportedReference(client)),
  );
}

/** Shows the command reference of the imported set the script in the editor is read with. */
async function showImportedReference(client: LanguageClient): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const script = doc?.languageId === 'minimega' ? doc.uri.toString() : undefined;
  const text = script ? await client.sendRequest<string | null>('minimega/importedReference', { uri: script }) : null;
  if (!script || text === null) {
    void vscode.window.showInformationMessage(
      'minimega: this script is not read with an imported command set; Show Command Reference shows the built-in ones.',
    );
    return;
  }
  const uri = vscode.Uri.from({ scheme: REFERENCE_SCHEME, path: '/imported-commands.md', query: script });
  const ref = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', ref.uri);
  } catch {
    await vscode.window.showTextDocument(ref, { preview: true });
  }
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
    client.sendRequest<ImportCommandSetResult>('minimega/importCommandSet', { ...(kind.binary ? { binary: source } : { json: source }), output }),
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
