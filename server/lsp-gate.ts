/**
 * The server's front gate: every message passes here before the library's
 * connection sees it. It answers what the protocol says must be refused,
 * and only well-formed messages with usable parameters go further:
 *
 * - not JSON: -32700 (id null); not a JSON-RPC 2.0 message: -32600;
 * - a request before `initialize`: -32002 (notifications then are dropped,
 *   `exit` excepted); a second `initialize`, or a request after `shutdown`: -32600;
 * - parameters of the wrong shape (`lsp-shapes.ts`): -32602 for a request,
 *   a notification dropped with a line in the client's log.
 */
import {
  AbstractMessageReader,
  ErrorCodes,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import type { Framed } from './lsp-framing.js';
import { PARAM_CHECKS } from './lsp-shapes.js';

/** Feeds the gate: calls `deliver` for each message (or framing problem), `closed` at the end. */
export type MessageSource = (deliver: (m: Framed) => void, closed: () => void) => void;

type Lifecycle = 'new' | 'running' | 'shutdown';
type Id = number | string | null;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is number | string => typeof x === 'string' || (typeof x === 'number' && Number.isInteger(x));

export class GatedReader extends AbstractMessageReader implements MessageReader {
  private state: Lifecycle = 'new';
  private callback: DataCallback | undefined;

  constructor(
    private readonly source: MessageSource,
    private readonly writer: MessageWriter,
  ) {
    super();
  }

  /** Called when `exit` arrives, before the connection exits (with whether `shutdown` came first). */
  onExit: ((afterShutdown: boolean) => void) | undefined;

  /** Whether `shutdown` came (the process then exits 0 when its input ends, else 1). */
  get shutdownReceived(): boolean {
    return this.state === 'shutdown';
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    this.source(
      (m) => this.take(m),
      () => this.fireClose(),
    );
    return { dispose: () => (this.callback = undefined) };
  }

  private take(framed: Framed): void {
    if (!framed.ok) return this.refuse(null, ErrorCodes.ParseError, `Parse error: ${framed.error}`);
    const m = framed.value;
    if (!isObject(m) || m.jsonrpc !== '2.0')
      return this.refuse(isObject(m) && isId(m.id) ? m.id : null, ErrorCodes.InvalidRequest, 'not a JSON-RPC 2.0 message');
    if (typeof m.method !== 'string') {
      // A response to one of the server's own requests (workspace/configuration, ...).
      if (isId(m.id) && ('result' in m || isObject(m.error))) return this.pass(m);
      return this.refuse(isId(m.id) ? m.id : null, ErrorCodes.InvalidRequest, 'a message needs a method, or an id and a result');
    }
    if ('id' in m) return this.request(m, m.method);
    return this.notification(m, m.method);
  }

  private request(m: Record<string, unknown>, method: string): void {
    if (!isId(m.id)) return this.refuse(null, ErrorCodes.InvalidRequest, 'a request id must be an integer or a string');
    const id = m.id;
    if (method === 'initialize' && this.state !== 'new') return this.refuse(id, ErrorCodes.InvalidRequest, 'initialize may be sent only once');
    if (this.state === 'new' && method !== 'initialize') return this.refuse(id, ErrorCodes.ServerNotInitialized, `${method} before initialize`);
    if (this.state === 'shutdown') return this.refuse(id, ErrorCodes.InvalidRequest, `${method} after shutdown`);
    const problem = PARAM_CHECKS[method]?.(m.params) ?? '';
    if (problem) return this.refuse(id, ErrorCodes.InvalidParams, `${method}: ${problem}`);
    if (method === 'initialize') this.state = 'running';
    if (method === 'shutdown') this.state = 'shutdown';
    this.pass(m);
  }

  private notification(m: Record<string, unknown>, method: string): void {
    if (method === 'exit') {
      this.onExit?.(this.shutdownReceived);
      return this.pass(m);
    }
    if (this.state !== 'running') return;
    const problem = PARAM_CHECKS[method]?.(m.params) ?? '';
    if (problem) return this.log(`mm: ignored ${method}: ${problem}`);
    this.pass(m);
  }

  private pass(m: Record<string, unknown>): void {
    this.callback?.(m as unknown as Message);
  }

  private refuse(id: Id, code: number, message: string): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message);
  }

  private log(message: string): void {
    void this.writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 2, message } } as Message);
  }
}
