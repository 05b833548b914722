/**
 * The limits of a node's local socket (docs/socket.md, "Limits"). minimega
 * itself has none of these: its socket reads requests of any size and keeps
 * any number of clients. The socket is reachable only by its owner (mode
 * 0600), but the owner's own tools can still be buggy or stuck, and none of
 * them may take the node down or stall the other clients.
 */
export interface SocketLimits {
  /** The largest request, in bytes of JSON. A larger one closes the connection. */
  readonly maxRequestBytes: number;
  /** The longest command line in a request, in UTF-8 bytes; a longer one gets an error frame. */
  readonly maxLineBytes: number;
  /** Connections served at once; more are closed as soon as they are accepted. */
  readonly maxConnections: number;
  /** How long a reply may wait for a client that does not read it before that client is dropped (ms). */
  readonly writeStallMs: number;
  /** How far a pipe reader (3.1 `PlumbPipe`) may fall behind before it is dropped, in bytes. */
  readonly maxPipeBacklogBytes: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxRequestBytes: 1024 * 1024,
  maxLineBytes: 64 * 1024,
  maxConnections: 1000,
  writeStallMs: 60_000,
  maxPipeBacklogBytes: 1024 * 1024,
};
