/**
 * "minimega: Show Command Reference": the catalog's reference, rendered as
 * Markdown by the language package, shown in VS Code's Markdown preview.
 */
import * as vscode from 'vscode';

const SCHEME = 'minimega-reference';
/** The read-only document the reference lives in. */
export const REFERENCE_URI = vscode.Uri.from({ scheme: SCHEME, path: '/minimega-commands.md' });

/** Registers the command; it returns the reference document. */
export function registerReferenceCommand(context: vscode.ExtensionContext): void {
  // A virtual read-only document: an untitled one would be "dirty" and ask to be saved on close.
  let text: string | undefined;
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      provideTextDocumentContent: async () => {
        // Loaded on first use, like the simulator it is bundled with.
        text ??= (await import('./simulator.js')).renderCommandReference('editor');
        return text;
      },
    }),
    vscode.commands.registerCommand('minimega.showCommandReference', async () => {
      const doc = await vscode.workspace.openTextDocument(REFERENCE_URI);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
      } catch {
        // No Markdown preview (disabled built-in extension): show the source instead.
        await vscode.window.showTextDocument(doc, { preview: true });
      }
      return doc;
    }),
  );
}
