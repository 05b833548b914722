/**
 * What a mesh or a local socket delivers to its node, and what the node
 * answers: commands sent by peers, lines typed by clients, completion asked
 * by clients. The node (or whoever pairs it with a mesh or a socket) hands
 * them a `NodeInbox`; they never run anything themselves.
 */
import type { Batch, Flags, Response } from './responses.js';
import type { RemoteCommand } from './mesh-port.js';

/** What became of one input line. */
export type LineOutcome =
  | { readonly kind: 'empty' | 'comment'; readonly batches: readonly Batch[] }
  /** `hint`: what `mm` adds to minicli's error (what was expected, a did-you-mean), where it has one. */
  | { readonly kind: 'compileError'; readonly error: string; readonly hint?: string; readonly batches: readonly Batch[] }
  | { readonly kind: 'command'; readonly batches: readonly Batch[] };

/** A line's outcome with the node state a client renders it with. */
export interface LineReport {
  readonly outcome: LineOutcome;
  /** The node's global flags after the line (rendering uses them). */
  readonly flags: Flags;
  /** The node's active namespace after the line (for a prompt). */
  readonly namespace: string;
  /** The line asked the node to quit. */
  readonly quit: boolean;
}

/** A node's answer to a command from a peer. */
export type ExecAnswer =
  | { readonly kind: 'result'; readonly response: Response }
  /** The command asked the node to quit: 2.3 never answers that. */
  | { readonly kind: 'quit' };

/** Where a mesh delivers what arrives for its node. */
export interface NodeInbox {
  /**
   * Runs a command a peer sent, already re-validated against this node's
   * catalog. Rejects only on a bug (the mesh answers it as a failure).
   */
  exec(request: RemoteCommand): Promise<ExecAnswer>;
  /** Runs a client's input line as the node's own front end would. Never rejects. */
  line(text: string): Promise<LineReport>;
  /**
   * Whole-line completion candidates for a client's partial line, as a
   * minimega 3.1 daemon answers `Suggest` on its socket. Never rejects.
   */
  suggest(text: string): Promise<readonly string[]>;
}
