/**
 * The thin side of the VM placement view, in the activated bundle: it keeps
 * the panel and loads its code (dist/placement-panel.js) only when the
 * first cluster run finishes.
 */
import type * as vscode from 'vscode';
import type { PlacementReport } from '../../interpreter/placement-report.js';
import type { PlacementRun } from './placement-html.js';
import type { PlacementPanel } from './placement-panel.js';

/** Shows a cluster run's placement. */
export interface PlacementView {
  show(report: PlacementReport, run: PlacementRun): Promise<void>;
}

/** Creates the view; the panel it makes is disposed with the extension. */
export function createPlacementView(context: vscode.ExtensionContext): PlacementView {
  // One promise, so that two runs finishing together still make one panel.
  let panel: Promise<PlacementPanel> | undefined;
  context.subscriptions.push({ dispose: () => void panel?.then((p) => p.dispose()) });
  return {
    async show(report, run) {
      panel ??= import('./placement-panel.js').then((m) => new m.PlacementPanel());
      (await panel).show(report, run);
    },
  };
}
