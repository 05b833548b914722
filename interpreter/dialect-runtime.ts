/**
 * What dispatch asks of a dialect's runtime: the handler for a catalog id,
 * the namespace a command runs in, and whether a broadcast or vm-target
 * command fans out. One implementation per dialect (handlers/runtime-23.ts,
 * runtime-31/runtime-31.ts); dispatch never asks which dialect it runs.
 */
import type { Category, Command } from '../language/index.js';
import type { RemoteCommand } from './contracts/mesh-port.js';
import type { NamespaceRecord } from './namespace-state.js';
import type { SimNode } from './sim-node.js';
import type { ExecOptions, Handler } from './handlers/types.js';

/** Where a command runs: its namespace's name and record. */
export interface CommandScope {
  readonly ns: string;
  readonly space: NamespaceRecord | undefined;
}

export interface DialectRuntime {
  /** The handler for a catalog id of this dialect. */
  handlerFor(id: string): Handler;
  /** Whether the simulator has a handler for the id. */
  isSimulated(id: string): boolean;
  /** The namespace a command runs in (3.1 creates its record on first use). */
  scope(node: SimNode, command: Command, options: ExecOptions): CommandScope;
  /** The command with its arguments preprocessed; throws PreprocessError. */
  preprocess(node: SimNode, command: Command, options: ExecOptions): Command;
  /** The hosts a command of this category fans out to, or undefined when it runs here only. */
  fanOutHosts(node: SimNode, category: Category, options: ExecOptions, scope: CommandScope): readonly string[] | undefined;
  /** What a fan-out sends to the other hosts: the command, tagged as the dialect does. */
  remoteRequest(node: SimNode, command: Command, ns: string): RemoteCommand;
  /** Why a command received from a peer is refused before it runs ("" when it may run). */
  meshRefusal(command: Command): string;
  /** The `Source` (and 3.1 `Namespace`) a fan-out's local leg runs with. */
  localLeg(options: ExecOptions, ns: string): ExecOptions;
}
