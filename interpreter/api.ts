/**
 * A small programmatic entry point: run a script's text on a simulated node,
 * or on an embedded cluster when `nodes` is given, and get the transcript back. The VS Code extension
 * bundles this; it has no file system or process dependencies of its own.
 */
import { createNode, type SimNode } from './sim-node.js';
import { createEmbeddedCluster, defaultNodeNames } from './cluster.js';
import { runLine } from './session.js';
import { batchTranscript, lineErrors, transcriptOf } from './transcript.js';
import { narrowBatch } from './render/display-columns.js';
import type { LineOutcome } from './contracts/delivery.js';
import { runScriptLines } from './script-runner.js';
import { dialectOfScript } from '../language/index.js';
import type { RuntimeDialectName } from './runtime-dialects.js';
import { placementReport, type PlacementReport } from './placement-report.js';

export interface RunScriptOptions {
  /** Node name (default `mm`); with `nodes`, ignored. */
  readonly name?: string;
  /** Run on an embedded cluster: a node count (`n1`..`nN`) or names; the script runs on the first. */
  readonly nodes?: number | readonly string[];
  /** The script's path, for relative `read` paths. */
  readonly file?: string;
  /** Directory relative paths resolve against. */
  readonly cwd?: string;
  /** The minimega version to follow (default: the script's `# minimega: 3.1` line, else 2.3). */
  readonly dialect?: RuntimeDialectName;
  /**
   * Also make `display`, the transcript with tables wider than an output
   * panel narrowed (`vm info`'s 35 columns); a narrowed table is followed by
   * the line this returns for the columns it left out.
   */
  readonly narrowTables?: (left: readonly string[]) => string;
}

export interface RunScriptResult {
  /** minitest transcript: `## line`, `E: error`, rendered output. */
  readonly transcript: string;
  /** Every error with its one-based line number. */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  readonly exitCode: number;
  /** Where each VM landed, per host (sorted). */
  readonly placements: readonly { readonly host: string; readonly vms: readonly string[] }[];
  /** Every node's VMs with namespace and state, and every namespace's queue and scheduler runs. */
  readonly placement: PlacementReport;
  /** With `narrowTables`: the transcript for display, wide tables narrowed (`transcript` stays minimega's text). */
  readonly display?: string;
}

/** Creates the nodes a run needs (tests inject their own). */
export type NodeFactory = (options: RunScriptOptions) => Promise<{ head: SimNode; all: SimNode[]; close(): Promise<void> }>;

/** The default `NodeFactory`: an embedded cluster when `nodes` is given (the script runs on the first node), else one node. */
export const clusterNodeFactory: NodeFactory = async (o) => {
  const settings = { ...(o.cwd !== undefined ? { cwd: o.cwd } : {}), ...(o.dialect !== undefined ? { dialect: o.dialect } : {}) };
  if (o.nodes === undefined) {
    const head = createNode({ name: o.name ?? 'mm', ...settings });
    return { head, all: [head], close: async () => undefined };
  }
  const c = createEmbeddedCluster(typeof o.nodes === 'number' ? defaultNodeNames(o.nodes) : o.nodes, settings);
  return { head: c.nodes[0]!, all: c.nodes, close: () => c.close() };
};

/** Runs a script's text; a line that does not parse stops the script, as `mm run` does. */
export async function runScriptText(text: string, options: RunScriptOptions = {}, factory: NodeFactory = clusterNodeFactory): Promise<RunScriptResult> {
  const { head, all, close } = await factory({ ...options, dialect: options.dialect ?? dialectOfScript(text).version });
  let transcript = '';
  let display = '';
  const narrow = options.narrowTables;
  const errors: { line: number; message: string }[] = [];
  try {
    const runner = { run: (line: string) => runLine(head, line), stopped: () => head.quitRequested };
    const failed = await runScriptLines(runner, text, (i, line, outcome) => {
      const block = transcriptOf(head, line, outcome);
      transcript += block;
      if (narrow) display += displayOf(head, line, outcome, narrow) ?? block;
      for (const message of lineErrors(outcome)) errors.push({ line: i + 1, message });
    });
    const exitCode = failed ? 1 : 0;
    const placements = all
      .map((n) => ({ host: n.name, vms: [...n.vms.values()].map((v) => v.name) }))
      .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    const placement = placementReport(all);
    return narrow ? { transcript, errors, exitCode, placements, placement, display } : { transcript, errors, exitCode, placements, placement };
  } finally {
    await close();
  }
}

/** A line's transcript block with its wide tables narrowed, each followed by `note`; undefined when none is wide. */
function displayOf(head: SimNode, line: string, outcome: LineOutcome, note: (left: readonly string[]) => string): string | undefined {
  const narrowed = outcome.batches.map(narrowBatch);
  if (narrowed.every((n) => n === undefined)) return undefined;
  let out = line !== '' ? `## ${line}\n` : '\n';
  if (outcome.kind === 'compileError') out += `E: ${outcome.error}\n`;
  // One batch at a time, so that each note follows its own table.
  outcome.batches.forEach((batch, i) => {
    const n = narrowed[i];
    out += batchTranscript(head, n ? n.batch : batch);
    if (n) out += `${note(n.left)}\n`;
  });
  return out;
}
