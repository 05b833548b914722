/**
 * "minimega: Show Full Output of the Last Run": the last run's transcript
 * exactly as minimega printed it, in a read-only editor where wide tables
 * scroll instead of wrapping. The output panel shows the same run with wide
 * tables (`vm info`'s 35 columns) narrowed, and says so under each of them.
 */
import * as vscode from 'vscode';

const SCHEME = 'minimega-run';
const FULL_OUTPUT_URI = vscode.Uri.from({ scheme: SCHEME, path: '/last-run.txt' });

/** Where a run leaves its full transcript. */
export interface FullOutput {
  set(transcript: string): void;
}

/** The note under a narrowed table of the output panel: the columns it left out, and where they are. */
export function narrowedNote(left: readonly string[]): string {
  return `# ${left.length} more column${left.length === 1 ? '' : 's'} (${left.join(', ')}): minimega: Show Full Output of the Last Run`;
}

/** Registers the command and the document it opens. */
export function registerFullOutput(context: vscode.ExtensionContext): FullOutput {
  let text = '';
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    changed,
    // A virtual read-only document: an untitled one would ask to be saved on close.
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, { onDidChange: changed.event, provideTextDocumentContent: () => text }),
    vscode.commands.registerCommand('minimega.showFullRunOutput', async () => {
      const doc = await vscode.workspace.openTextDocument(FULL_OUTPUT_URI);
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc;
    }),
  );
  return {
    set(transcript) {
      text = transcript;
      changed.fire(FULL_OUTPUT_URI);
    },
  };
}
