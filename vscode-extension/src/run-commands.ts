/**
 * "minimega: Run Script" and "minimega: Run Script on a Simulated Cluster": run
 * the editor's text on the simulator bundled into the extension (no separate
 * install); "minimega: Run Script on minimega": run it on a real minimega
 * over its local socket (`minimega.socket`). Each shows the transcript in an
 * output channel with `file:line` references for its errors, and marks each
 * line that failed with one information-level "Last run" result (grouped
 * over hosts, cleared on the next edit): a run's results are not problems
 * the checker found.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { groupRunErrors } from './run-results.js';
import { createPlacementView, type PlacementView } from './placement-view.js';
import type { runScriptOnMinimega, runScriptText } from './simulator.js';

/** What a simulated run returns (the shape of `runScriptText`'s result). */
export type RunResult = Awaited<ReturnType<typeof runScriptText>>;

/** What a run on a real minimega returns. */
export type SocketRunResult = Awaited<ReturnType<typeof runScriptOnMinimega>>;

/** What every run reports: the transcript, the errors per line, the exit code. */
type AnyRunResult = Pick<RunResult, 'transcript' | 'errors' | 'exitCode'> & { readonly placements?: RunResult['placements'] };

/** Options of one run, as `mm run` takes them. */
export interface RunOptions {
  readonly name?: string;
  readonly nodes?: number;
}

/** Registers both run commands and the state they share. */
export function registerRunCommands(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('minimega run');
  const problems = vscode.languages.createDiagnosticCollection('minimega-run');
  const placement = createPlacementView(context);
  context.subscriptions.push(
    output,
    problems,
    // Run errors describe the text that ran; once it is edited they point at the wrong lines.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) problems.delete(e.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => problems.delete(doc.uri)),
    vscode.commands.registerCommand('minimega.runScript', (uri?: vscode.Uri) =>
      simulatedRun(uri, output, problems, async () => ({ name: nodeName() }), placement),
    ),
    // `nodes` lets a keybinding, task or test skip the input box.
    vscode.commands.registerCommand('minimega.runScriptOnCluster', (uri?: vscode.Uri, nodes?: number) =>
      simulatedRun(
        uri,
        output,
        problems,
        () => (typeof nodes === 'number' && nodes >= 1 ? Promise.resolve({ name: nodeName(), nodes }) : askClusterOptions()),
        placement,
      ),
    ),
    vscode.commands.registerCommand('minimega.runScriptOnMinimega', (uri?: vscode.Uri) => socketRun(uri, output, problems)),
  );
}

/** The `minimega.socket` setting: a socket or its base directory, `~` for the home directory. */
function socketSetting(): string {
  const value = vscode.workspace.getConfiguration('minimega').get<string>('socket', '').trim();
  return value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value;
}

/** Runs on the simulator bundled into the extension. */
function simulatedRun(
  uri: vscode.Uri | undefined,
  output: vscode.OutputChannel,
  problems: vscode.DiagnosticCollection,
  options: () => Promise<RunOptions | undefined>,
  placement: PlacementView,
): Promise<RunResult | undefined> {
  return runCommand(uri, output, problems, async (doc, file, label) => {
    const opts = await options();
    if (!opts) return undefined;
    return {
      header: `# mm run ${opts.nodes ? `--nodes ${opts.nodes} ` : ''}${opts.name ? `--name ${opts.name} ` : ''}${label}`,
      progress: `minimega: running ${label}`,
      run: async () => {
        // Loaded on first use: the simulator is most of the extension's code.
        const { runScriptText } = await import('./simulator.js');
        return runScriptText(doc.getText(), { name: opts.name, nodes: opts.nodes, file });
      },
      // A single node holds every VM: placement only says something on a cluster.
      placements: opts.nodes !== undefined,
      // Not awaited: the view draws while the run's result goes back to the caller.
      after:
        opts.nodes === undefined
          ? undefined
          : (r) => void placement.show(r.placement, { label, exitCode: r.exitCode, errors: r.errors.length }).catch(showViewError),
    };
  });
}

/** Runs on the minimega daemon at `minimega.socket`, as `mm run --attach` does. */
function socketRun(uri: vscode.Uri | undefined, output: vscode.OutputChannel, problems: vscode.DiagnosticCollection): Promise<SocketRunResult | undefined> {
  return runCommand(uri, output, problems, async (doc, file, label) => {
    const socket = socketSetting();
    const cwd = file ? path.dirname(file) : (vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir());
    return {
      header: `# mm run --attach${socket ? `=${socket}` : ''} --transcript ${label}`,
      progress: `minimega: running ${label} on minimega`,
      run: async () => {
        const { runScriptOnMinimega } = await import('./simulator.js');
        return runScriptOnMinimega(doc.getText(), { socket, cwd });
      },
      placements: false,
    };
  });
}

function nodeName(): string | undefined {
  const name = vscode.workspace.getConfiguration('minimega').get<string>('run.nodeName', '').trim();
  return name === '' ? undefined : name;
}

/** Asks for the node count, like `mm run --nodes N`; undefined when the user cancels. */
async function askClusterOptions(): Promise<RunOptions | undefined> {
  const proposed = vscode.workspace.getConfiguration('minimega').get<number>('run.clusterNodes', 3);
  const answer = await vscode.window.showInputBox({
    title: 'minimega: Run Script on a Simulated Cluster',
    prompt: 'Number of simulated nodes (like mm run --nodes N)',
    value: String(proposed),
    validateInput: (v) => (/^\s*[1-9][0-9]{0,2}\s*$/.test(v) ? undefined : 'a whole number from 1 to 999'),
  });
  if (answer === undefined) return undefined;
  return { name: nodeName(), nodes: Number(answer.trim()) };
}

async function documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'minimega') return doc;
  void vscode.window.showWarningMessage('minimega: open a .mm script to run it.');
  return undefined;
}

/** How one run goes: its header line, its progress title, the run itself. */
interface RunPlan<R extends AnyRunResult> {
  readonly header: string;
  readonly progress: string;
  readonly run: () => Promise<R>;
  /** Show where the VMs landed. */
  readonly placements: boolean;
  /** What else to do with the result once it is shown (a cluster run: the placement view). */
  readonly after?: (result: R) => void;
}

async function runCommand<R extends AnyRunResult>(
  uri: vscode.Uri | undefined,
  output: vscode.OutputChannel,
  problems: vscode.DiagnosticCollection,
  plan: (doc: vscode.TextDocument, file: string | undefined, label: string) => Promise<RunPlan<R> | undefined>,
): Promise<R | undefined> {
  const doc = await documentFor(uri);
  if (!doc) return undefined;
  const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
  const label = file ? vscode.workspace.asRelativePath(doc.uri) : doc.fileName;
  const p = await plan(doc, file, label);
  if (!p) return undefined;
  output.clear();
  output.show(true);
  output.appendLine(p.header);
  let result: R;
  try {
    // The editor's text, saved or not: what the user sees is what runs.
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: p.progress }, p.run);
  } catch (e) {
    // A daemon that cannot be reached is the user's news; anything else is our bug, with its stack.
    const expected = /^(SocketClientError|DialectMismatchError|DaemonClosedError)$/.test((e as Error)?.name ?? '');
    output.appendLine(expected ? `mm: ${(e as Error).message}` : `mm: internal error: ${(e as Error)?.stack ?? String(e)}`);
    void vscode.window.showErrorMessage(`minimega: the run failed: ${(e as Error)?.message ?? String(e)}`);
    return undefined;
  }
  output.append(result.transcript.endsWith('\n') || result.transcript === '' ? result.transcript : `${result.transcript}\n`);
  if (p.placements && result.placements) showPlacements(output, result.placements);
  problems.set(
    doc.uri,
    groupRunErrors(result.errors).map((e) => toDiagnostic(doc, e)),
  );
  output.appendLine('');
  for (const e of result.errors) output.appendLine(`${file ?? label}:${e.line}: E: ${e.message}`);
  output.appendLine(`# exit code ${result.exitCode}, ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  p.after?.(result);
  if (result.errors.length > 0) {
    void vscode.window.showWarningMessage(
      `minimega: ${result.errors.length} command${result.errors.length === 1 ? '' : 's'} failed in the run (see the "minimega run" output).`,
    );
  }
  return result;
}

/** Appends where each VM landed (cluster runs), one host per line. */
function showPlacements(output: vscode.OutputChannel, placements: RunResult['placements']): void {
  output.appendLine('');
  output.appendLine('# VM placement');
  if (placements.length === 0) output.appendLine('#   (no VMs launched)');
  const width = Math.max(0, ...placements.map((p) => p.host.length));
  for (const p of placements) {
    output.appendLine(`#   ${p.host.padEnd(width)}  ${p.vms.length} VM${p.vms.length === 1 ? '' : 's'}: ${p.vms.join(', ')}`);
  }
}

function showViewError(e: unknown): void {
  void vscode.window.showErrorMessage(`minimega: the VM placement view failed: ${(e as Error)?.message ?? String(e)}`);
}

/** A line's run result as an information-level diagnostic (`line` is 1-based, as in `FILE:LINE`). */
function toDiagnostic(doc: vscode.TextDocument, e: { line: number; message: string }): vscode.Diagnostic {
  const index = Math.min(Math.max(e.line - 1, 0), Math.max(doc.lineCount - 1, 0));
  const line = doc.lineAt(index);
  const range = new vscode.Range(index, line.firstNonWhitespaceCharacterIndex, index, line.text.length);
  const d = new vscode.Diagnostic(range, e.message, vscode.DiagnosticSeverity.Information);
  d.source = 'minimega run';
  return d;
}
