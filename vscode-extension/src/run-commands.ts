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
import { narrowedNote, registerFullOutput, type FullOutput } from './full-output.js';
import {
  CLUSTER_NODES_SETTING,
  clusterNodesFlag,
  formatClusterNodes,
  isNodesError,
  parseClusterNodes,
  proposedClusterNodes,
  unknownHostHint,
  type ClusterNodes,
} from './cluster-nodes.js';
import type { runScriptOnMinimega, runScriptText } from './simulator.js';

/** What a simulated run returns (the shape of `runScriptText`'s result). */
export type RunResult = Awaited<ReturnType<typeof runScriptText>>;

/** What a run on a real minimega returns. */
export type SocketRunResult = Awaited<ReturnType<typeof runScriptOnMinimega>>;

/** What every run reports: the transcript, the errors per line, the exit code. */
type AnyRunResult = Pick<RunResult, 'transcript' | 'errors' | 'exitCode'> & {
  readonly placements?: RunResult['placements'];
  readonly display?: string;
};

/** What a run command returns: the run's result and our hint after its errors, if any. */
type Reported<R> = R & { readonly hint?: string };

/** Options of one run, as `mm run` takes them. */
export interface RunOptions {
  readonly name?: string;
  readonly nodes?: ClusterNodes;
}

/** Registers both run commands and the state they share. */
export function registerRunCommands(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('minimega run');
  const problems = vscode.languages.createDiagnosticCollection('minimega-run');
  const placement = createPlacementView(context);
  const full = registerFullOutput(context);
  context.subscriptions.push(
    output,
    problems,
    // Run errors describe the text that ran; once it is edited they point at the wrong lines.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) problems.delete(e.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => problems.delete(doc.uri)),
    vscode.commands.registerCommand('minimega.runScript', (uri?: vscode.Uri) =>
      simulatedRun(uri, output, problems, full, async () => ({ name: nodeName() }), placement),
    ),
    // `nodes` (a count or names) lets a keybinding, task or test skip the input box.
    vscode.commands.registerCommand('minimega.runScriptOnCluster', (uri?: vscode.Uri, nodes?: ClusterNodes) =>
      simulatedRun(
        uri,
        output,
        problems,
        full,
        (doc) => (givenNodes(nodes) ? Promise.resolve({ name: nodeName(), nodes }) : askClusterOptions(doc)),
        placement,
      ),
    ),
    vscode.commands.registerCommand('minimega.runScriptOnMinimega', (uri?: vscode.Uri) => socketRun(uri, output, problems, full)),
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
  full: FullOutput,
  options: (doc: vscode.TextDocument) => Promise<RunOptions | undefined>,
  placement: PlacementView,
): Promise<Reported<RunResult> | undefined> {
  return runCommand(uri, output, problems, full, async (doc, file, label) => {
    const opts = await options(doc);
    if (!opts) return undefined;
    return {
      header: `# mm run ${opts.nodes !== undefined ? `${clusterNodesFlag(opts.nodes)} ` : opts.name ? `--name ${opts.name} ` : ''}${label}`,
      progress: `minimega: running ${label}`,
      run: async () => {
        // Loaded on first use: the simulator is most of the extension's code.
        const { runScriptText } = await import('./simulator.js');
        // The output panel wraps `vm info`'s 35 columns: it shows them narrowed (`display`).
        return runScriptText(doc.getText(), { name: opts.name, nodes: opts.nodes, file, narrowTables: narrowedNote });
      },
      // A single node holds every VM: placement only says something on a cluster.
      placements: opts.nodes !== undefined,
      hint: (result) => hostHint(doc, result, opts.nodes !== undefined),
      // Not awaited: the view draws while the run's result goes back to the caller.
      after:
        opts.nodes === undefined
          ? undefined
          : (r) => void placement.show(r.placement, { label, exitCode: r.exitCode, errors: r.errors.length }).catch(showViewError),
    };
  });
}

/**
 * Our line after minimega's `unknown host` error of a simulated run: no node
 * is named as a host the script adds, and how to name them.
 */
async function hostHint(doc: vscode.TextDocument, result: RunResult, cluster: boolean): Promise<string | undefined> {
  const sim = await import('./simulator.js');
  const host = result.errors.map((e) => sim.unknownHostIn(e.message)).find((h) => h !== undefined);
  if (host === undefined) return undefined;
  const hosts = sim.scriptHosts(doc.getText());
  const nodes = result.placements.map((p) => p.host);
  return unknownHostHint(sim.unknownHostNote(host, nodes, hosts), hosts, cluster);
}

/** Runs on the minimega daemon at `minimega.socket`, as `mm run --attach` does. */
function socketRun(
  uri: vscode.Uri | undefined,
  output: vscode.OutputChannel,
  problems: vscode.DiagnosticCollection,
  full: FullOutput,
): Promise<Reported<SocketRunResult> | undefined> {
  return runCommand(uri, output, problems, full, async (doc, file, label) => {
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

/** Nodes a caller passed: a count from 1, or names. */
function givenNodes(nodes: unknown): nodes is ClusterNodes {
  return (typeof nodes === 'number' && nodes >= 1) || (Array.isArray(nodes) && nodes.length > 0 && nodes.every((n) => typeof n === 'string'));
}

/**
 * Asks for the nodes, like `mm run --nodes N|NAMES`, proposing the hosts the
 * script adds (so that its `nsmod add-host` lines find them); undefined when
 * the user cancels.
 */
async function askClusterOptions(doc: vscode.TextDocument): Promise<RunOptions | undefined> {
  // Loaded here rather than at activation: the language that finds the hosts is in it.
  const sim = await import('./simulator.js');
  const hosts = sim.scriptHosts(doc.getText());
  const setting = vscode.workspace.getConfiguration('minimega').get<number | string>('run.clusterNodes', 3);
  const parsed = parseClusterNodes(String(setting), sim.isNodeName);
  // A setting that does not parse is shown as it is: the box says what is wrong with it.
  const proposed = isNodesError(parsed) ? String(setting) : formatClusterNodes(proposedClusterNodes(parsed, hosts));
  const answer = await vscode.window.showInputBox({
    title: 'minimega: Run Script on a Simulated Cluster',
    prompt:
      hosts.length > 0
        ? `Nodes: a number (n1..nN) or names separated by commas (like mm run --nodes). The script adds the hosts ${hosts.length > 8 ? `${hosts.slice(0, 8).join(', ')}, ...` : hosts.join(', ')}.`
        : `Nodes: a number (n1..nN) or names separated by commas (like mm run --nodes; setting ${CLUSTER_NODES_SETTING})`,
    value: proposed,
    validateInput: (v) => {
      const r = parseClusterNodes(v, sim.isNodeName);
      return isNodesError(r) ? r.error : undefined;
    },
  });
  if (answer === undefined) return undefined;
  const nodes = parseClusterNodes(answer, sim.isNodeName);
  return isNodesError(nodes) ? undefined : { name: nodeName(), nodes };
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
  /** Our hint after the run's errors, when we have one. */
  readonly hint?: (result: R) => Promise<string | undefined>;
}

async function runCommand<R extends AnyRunResult>(
  uri: vscode.Uri | undefined,
  output: vscode.OutputChannel,
  problems: vscode.DiagnosticCollection,
  full: FullOutput,
  plan: (doc: vscode.TextDocument, file: string | undefined, label: string) => Promise<RunPlan<R> | undefined>,
): Promise<Reported<R> | undefined> {
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
  full.set(result.transcript);
  const shown = result.display ?? result.transcript;
  output.append(shown.endsWith('\n') || shown === '' ? shown : `${shown}\n`);
  if (p.placements && result.placements) showPlacements(output, result.placements);
  problems.set(
    doc.uri,
    groupRunErrors(result.errors).map((e) => toDiagnostic(doc, e)),
  );
  output.appendLine('');
  for (const e of result.errors) output.appendLine(`${file ?? label}:${e.line}: E: ${e.message}`);
  const hint = result.errors.length > 0 ? await p.hint?.(result) : undefined;
  if (hint) output.appendLine(`# hint: ${hint}`);
  output.appendLine(`# exit code ${result.exitCode}, ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  p.after?.(result);
  if (result.errors.length > 0) {
    const failed = `minimega: ${result.errors.length} command${result.errors.length === 1 ? '' : 's'} failed in the run`;
    if (hint) {
      void vscode.window.showWarningMessage(`${failed}: ${hint}.`, 'Open Setting').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', CLUSTER_NODES_SETTING);
      });
    } else void vscode.window.showWarningMessage(`${failed} (see the "minimega run" output).`);
  }
  return hint ? { ...result, hint } : result;
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
