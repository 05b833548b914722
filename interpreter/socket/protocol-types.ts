/**
 * The shape of a socket protocol module (one per dialect, in
 * `protocol-23.ts` and `protocol-31.ts`; `protocol.ts` picks one).
 */
import type { FrameShape } from './frame-encoding.js';
import type { RenderStyle } from '../render/index.js';

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
  /** How this dialect's daemon renders the `Rendered` text. */
  readonly render: RenderStyle;
  /** Server: what a decoded JSON value asks. */
  decodeRequest(value: unknown): SocketRequest;
  /** Client: the bytes of a request running `line`, LF included (as the real client writes it). */
  commandRequest(line: string): string;
  /** Client: the bytes of a completion request, or undefined when completion never goes over the socket. */
  suggestRequest(line: string): string | undefined;
}
