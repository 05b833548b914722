/**
 * The status-bar item that shows the dialect of the script in the editor
 * ("minimega 3.1", with what chose it in the tooltip) and, when clicked,
 * changes it: for this file (the `# minimega: X` first line) or for the
 * workspace (`minimega.dialect`). The server says which dialect a document
 * is read as (`minimega/dialect`), so the item never disagrees with the
 * diagnostics.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DialectInfo } from '../../server/features/dialect-info.js';

const SOURCES: Record<DialectInfo['source'], string> = {
  directive: "from the file's first line",
  setting: 'from the minimega.dialect setting',
  default: 'the default (no directive, no setting)',
};

const VERSIONS = ['2.3', '3.1'] as const;

/** Creates the item and the `minimega.chooseDialect` command it runs; returns a function that refreshes it. */
export function registerDialectStatus(context: vscode.ExtensionContext, client: LanguageClient, started: Promise<void>): () => void {
  const item = vscode.window.createStatusBarItem('minimega.dialect', vscode.StatusBarAlignment.Right, 100);
  item.name = 'minimega dialect';
  item.command = 'minimega.chooseDialect';
  let asked = 0;
  const refresh = async (): Promise<void> => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId !== 'minimega') {
      item.hide();
      return;
    }
    const ticket = ++asked;
    let info: DialectInfo | null = null;
    try {
      info = await client.sendRequest<DialectInfo | null>('minimega/dialect', { uri: doc.uri.toString() });
    } catch {
      // The server is starting or stopped: try again on the next change.
    }
    if (ticket !== asked) return;
    if (!info) {
      item.hide();
      return;
    }
    item.text = info.imported ? `minimega ${info.version} (imported)` : `minimega ${info.version}`;
    const what = info.imported ? `${info.name} (imported; matched with minimega ${info.version}'s rules)` : `minimega ${info.version}`;
    item.tooltip = `Checked as ${what}, ${SOURCES[info.source]}. Click to change.`;
    item.show();
  };
  let timer: NodeJS.Timeout | undefined;
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 150);
  };
  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(soon),
    // Only an edit of the first line can change the directive.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.some((c) => c.range.start.line === 0)) soon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('minimega.dialect')) soon();
    }),
    vscode.commands.registerCommand('minimega.chooseDialect', () => chooseDialect(client).then(soon)),
  );
  started.then(soon, () => undefined);
  return soon;
}

/** Asks where to set which dialect, and sets it. */
async function chooseDialect(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document.languageId === 'minimega' ? editor.document : undefined;
  const picks: (vscode.QuickPickItem & { apply: () => Thenable<unknown> })[] = [];
  for (const v of VERSIONS) {
    if (doc)
      picks.push({
        label: `minimega ${v} for this file`,
        description: `first line "# minimega: ${v}"`,
        apply: () => setDirective(client, doc, v),
      });
  }
  for (const v of VERSIONS) {
    picks.push({
      label: `minimega ${v} for the workspace`,
      description: `minimega.dialect: ${v} (files without a first-line directive)`,
      apply: () => vscode.workspace.getConfiguration('minimega').update('dialect', v, vscode.ConfigurationTarget.Workspace),
    });
  }
  const pick = await vscode.window.showQuickPick(picks, {
    title: 'minimega: Choose Dialect',
    placeHolder: 'Which minimega version are your scripts written for?',
  });
  await pick?.apply();
}

/** Writes the directive as the file's first line, or in place of the one there. */
async function setDirective(client: LanguageClient, doc: vscode.TextDocument, version: string): Promise<void> {
  const info = await client.sendRequest<DialectInfo | null>('minimega/dialect', { uri: doc.uri.toString() });
  const edit = new vscode.WorkspaceEdit();
  const directive = `# minimega: ${version}`;
  if (info?.directive) edit.replace(doc.uri, doc.lineAt(0).range, directive);
  else edit.insert(doc.uri, new vscode.Position(0, 0), `${directive}\n`);
  await vscode.workspace.applyEdit(edit);
}
