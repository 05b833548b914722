/**
 * minimega's local socket protocol, one module per dialect: how requests
 * read (server side) and are written (client side), and which members
 * frames carry. A node's or a client's dialect picks its module from
 * `SOCKET_PROTOCOLS`; nothing else in the socket code asks which dialect
 * it speaks.
 */
import { protocol23 } from './protocol-23.js';
import { protocol31 } from './protocol-31.js';
import type { SocketDialect, SocketProtocol } from './protocol-types.js';

export type { SocketDialect, SocketProtocol, SocketRequest } from './protocol-types.js';

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
