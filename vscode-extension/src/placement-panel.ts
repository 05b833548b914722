/**
 * The VM placement view: one webview panel, made on the first cluster run
 * and redrawn in place after each later one (revealed without taking the
 * focus from the editor). Bundled apart as dist/placement-panel.js and
 * loaded when a cluster run finishes, so activation never loads it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PlacementReport } from '../../interpreter/placement-report.js';
import { renderPlacementHtml, type PlacementRun } from './placement-html.js';

const VIEW_TYPE = 'minimega.placement';

/** The panel, while it is open. */
export class PlacementPanel {
  private panel: vscode.WebviewPanel | undefined;

  /** Shows the report of the run that just finished. */
  show(report: PlacementReport, run: PlacementRun): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      // No scripts and no local resources: the page is text and one style element.
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        'VM placement',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    }
    this.panel.title = `VM placement: ${run.label}`;
    // A fresh nonce per page: the policy allows only the style element written with it.
    this.panel.webview.html = renderPlacementHtml(report, run, { nonce: randomBytes(16).toString('base64') });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
