/** What a handler gets and returns. */
import type { Command } from '../../language/index.js';
import type { RemoteCommand } from '../contracts/mesh-port.js';
import type { Batch, Response } from '../contracts/responses.js';
import type { SimNode } from '../sim-node.js';
import type { NamespaceRecord } from '../namespace-state.js';
import type { CommandOrigin } from '../files-dir.js';

/** How a command is being run. */
export interface ExecOptions {
  /** Whether this command is appended to history after it runs. */
  readonly record: boolean;
  /** The global record flag when the line was compiled (nested commands inherit it). */
  readonly compiledRecord: boolean;
  /** `Source` tag: the namespace a fan-out runs in, "" for user input. */
  readonly source: string;
  /**
   * 3.1 `Namespace` tag: the namespace the command must run in ("" or absent:
   * the node's active one). Nested commands inherit it; the innermost wins.
   */
  readonly namespace?: string;
  /** 3.1: the config snapshot a scheduler leg from another node carries (JSON). */
  readonly payload?: string;
  /** 3.1 `Preprocess`: false skips the preprocessor for this command and its nested ones. */
  readonly preprocess?: boolean;
  /**
   * Who sent the command (default: the node's own user). Commands from a
   * client or a peer may only open files in the files directory.
   */
  readonly origin?: CommandOrigin;
}

export interface HandlerContext {
  readonly node: SimNode;
  readonly command: Command;
  readonly options: ExecOptions;
  /** The namespace the command runs in (2.3: the active one, "" for none). */
  readonly ns: string;
  /** That namespace's record (2.3: none when no namespace is active). */
  readonly space: NamespaceRecord | undefined;
  /** Handlers switch recording off for themselves (`clear history`, `.record false`). */
  record: boolean;
  /** Runs a nested command through dispatch (preprocessing, categories, history). */
  run(sub: Command, options: ExecOptions): Promise<Batch[]>;
  /**
   * Runs a command on `hosts` as fan-out does: this node's share through
   * dispatch, the others over the mesh; this node's responses first, then
   * one per other host that answered or failed.
   */
  runOn(hosts: readonly string[], request: RemoteCommand): Promise<Response[]>;
}

/** A handler returns the batches it produced. */
export type Handler = (ctx: HandlerContext) => Batch[] | Promise<Batch[]>;

// Handlers take it from here with the rest of what they use.
export { CommandError } from '../command-error.js';

/** String argument by key ("" when absent). */
export function str(ctx: HandlerContext, key: string): string {
  return ctx.command.args.string[key] ?? '';
}

/** Whether a choice option (or keyword) was given. */
export function bool(ctx: HandlerContext, key: string): boolean {
  return ctx.command.args.bool[key] === true;
}

/** List argument by key (empty when absent). */
export function list(ctx: HandlerContext, key: string): readonly string[] {
  return ctx.command.args.list[key] ?? [];
}

/** One batch with one simple response from this node. */
export function reply(ctx: HandlerContext, text = ''): Batch[] {
  return [[ctx.node.respond(text)]];
}
