/**
 * A node's view of the mesh, as dispatch and the handlers need it (sends,
 * peers, topology). The runtime never sees sockets: `mesh/` implements this
 * port over a transport (in memory or WebSocket); a node on its own has no
 * peers. What the mesh delivers back to the node is in `delivery.ts`.
 */
import type { Command } from '../../language/index.js';
import type { Response } from './responses.js';

/** A command sent to other nodes. */
export interface RemoteCommand {
  /** The matched command; receivers re-validate it against their own catalog. */
  readonly command: Command;
  /** `Source` tag: the namespace a fan-out runs in ("" for `mesh send`). */
  readonly source: string;
  /** Whether the receiver records it in its history. */
  readonly record: boolean;
  /**
   * A 3.1 `mesh send` (`Source` = `meshage`): the command goes as it is,
   * without a namespace wrapper, and unknown hosts are skipped, as for
   * an empty `Source`.
   */
  readonly meshSend?: boolean;
  /** 3.1 scheduler legs: the launch's config snapshot (JSON), carried as is. */
  readonly payload?: string;
}

export interface MeshPort {
  /** Every node reachable through the mesh, except this one, sorted. */
  peers(): string[];
  /** Nodes this node is directly connected to, sorted. */
  neighbours(): string[];
  /** The effective topology: node to its neighbours (for `mesh list`). */
  topology(): Map<string, string[]>;
  /**
   * Sends a command to hosts and resolves with one response per host that
   * answered (or failed: errors name the host). Unroutable hosts are skipped.
   */
  send(hosts: readonly string[], request: RemoteCommand, timeoutSeconds: number): Promise<Response[]>;
  /** The port this node listens on (2.3 default 9000). */
  port(): number;
  /** Connects to another node (`mesh dial`); resolves with an error text or "". */
  dial(address: string): Promise<string>;
  /** Drops a direct link (`mesh hangup`); resolves with an error text or "". */
  hangup(name: string): Promise<string>;
}

/** The mesh of a node that is alone. */
export function createLoneMesh(): MeshPort {
  return {
    peers: () => [],
    neighbours: () => [],
    topology: () => new Map(),
    port: () => 9000,
    send: async () => [],
    dial: async (address) => `dial ${address}: no mesh transport configured (start the node with \`mm node\`)`,
    hangup: async (name) => `no such client ${name}`,
  };
}
