/**
 * minimega's local socket protocol, one module per dialect: how requests
 * read (server side) and are written (client side), and which members
 * frames carry. A node's or a client's dialect picks its module from
 * `SOCKET_PROTOCOLS`; nothing else in the socket code asks which dialect
 * it speaks.
 */
import type { FrameShape } from './frame-encoding.js';
import { protocol23 } from './protocol-23.js';
import { protocol31 } from './protocol-31.js';

/** The dialects the socket speaks (the node's dialect picks one). */
export type SocketDialect = '2.3' | '3.1';

/** What one request asks of the server. */
export type SocketRequest =
  /** Run a line (blank and comment lines included: they get the null frame). */
  | { readonly kind: 'command'; readonly line: string }
  /** Complete a partial line (3.1). */
  | { readonly kind: 'suggest'; readonly line: string }
  /** Turn the connection into an attachment to a named pipe (3.1). */
  | { readonly kind: 'pipe'; readonly name: string }
  /** Answer with one error frame and go on (3.1's `must specify either command or suggest`). */
  | { readonly kind: 'refuse'; readonly error: string }
  /** Log the error and close the connection without a reply (what minimega does on a decode error). */
  | { readonly kind: 'close'; readonly error: string };

export interface SocketProtocol {
  readonly dialect: SocketDialect;
  /** The members of this dialect's frames. */
  readonly frames: FrameShape;
  /** Server: what a decoded JSON value asks. */
  decodeRequest(value: unknown): SocketRequest;
  /** Client: the bytes of a request running `line`, LF included (as the real client writes it). */
  commandRequest(line: string): string;
  /** Client: the bytes of a completion request, or undefined when completion never goes over the socket. */
  suggestRequest(line: string): string | undefined;
}

/** The protocol of each dialect. */
export const SOCKET_PROTOCOLS: Readonly<Record<SocketDialect, SocketProtocol>> = {
  '2.3': protocol23,
  '3.1': protocol31,
};

/** The default dialect (the node's and the client's). */
export const DEFAULT_SOCKET_DIALECT: SocketDialect = '2.3';

/** Whether `value` names a dialect. */
export function isSocketDialect(value: string): value is SocketDialect {
  return Object.hasOwn(SOCKET_PROTOCOLS, value);
}
