/**
 * Commands over the mesh: sending them to hosts (wrapped for their
 * namespace, each request tracked until it ends), routing `exec`, `result`
 * and routed `error` messages hop by hop along BFS routes, and delivering
 * the `exec`s addressed to this node to its inbox.
 */
import { type Command, goQuote, type LanguageService, namespaceStepKind } from '../../language/index.js';
import type { NodeInbox } from '../contracts/delivery.js';
import type { RemoteCommand } from '../contracts/mesh-port.js';
import { createError, type Response } from '../contracts/responses.js';
import type { Channel } from './channel.js';
import {
  encode,
  ErrorCode,
  MAX_FRAME_BYTES,
  MAX_HOPS,
  type ErrorMessage,
  type ExecMessage,
  type Message,
  type ResultMessage,
  type Routed,
  type WireCommand,
  type WireResponse,
} from './mesh-protocol.js';
import { receiveExec } from './receiver.js';
import type { Requests } from './requests.js';
import type { LinkState } from './topology.js';
import { fromWireResponse, toWireCommand } from './wire.js';

/** What the router needs from its mesh. */
export interface RouterContext {
  /** This node's name. */
  readonly self: string;
  /** Where commands for this node go. */
  readonly inbox: NodeInbox;
  /** The node's language: received commands are re-validated, and sent ones wrapped, with it. */
  readonly language: LanguageService;
  readonly state: LinkState;
  readonly requests: Requests;
  /** The link to a direct neighbour. */
  channel(peer: string): Channel | undefined;
  /** A command asked this node to quit. */
  quit(): void;
}

/** The messages that travel hop by hop. */
type RoutedMessage = ExecMessage | ResultMessage | (ErrorMessage & Routed);

export class Router {
  private readonly self: string;

  constructor(private readonly ctx: RouterContext) {
    this.self = ctx.self;
  }

  /** MeshPort.send: one response per host, in sorted host order. */
  async send(hosts: readonly string[], request: RemoteCommand, timeoutSeconds: number): Promise<Response[]> {
    const targets = [...new Set(hosts)].filter((h) => h !== this.self).sort();
    if (targets.length === 0) return [];
    const plain = request.source === '' || request.meshSend === true;
    const command = plain ? request.command : wrapForSource(request.command, request.source, this.ctx.language);
    if (typeof command === 'string') return targets.map((h) => createError(h, command));
    const wire = toWireCommand(command);
    const answers = targets.map((h) => this.request(h, wire, request, timeoutSeconds));
    const all = await Promise.all(answers);
    return all.filter((r): r is Response => r !== undefined);
  }

  /** Forwards a routed message towards `to`, or handles it here. */
  route(m: RoutedMessage): void {
    if (m.to === this.self) return this.deliver(m);
    const hop = this.ctx.state.nextHop(m.to);
    const channel = hop === undefined ? undefined : this.ctx.channel(hop);
    if (!channel || m.hops <= 0) {
      if (m.type === 'exec') {
        this.route({ type: 'error', code: ErrorCode.NoRoute, message: `no route to host ${m.to}`, id: m.id, from: this.self, to: m.from, hops: MAX_HOPS });
      }
      return;
    }
    const next = { ...m, hops: m.hops - 1 } as Message;
    // A link that carries values sends the message as it is (nothing to encode).
    const frame = channel.carriesValues ? undefined : encode(next);
    // A result's size is checked where it starts, and on every text link.
    if (m.type === 'result' && (frame !== undefined || (m.from === this.self && !surelySmall(m.response))) && tooLarge(frame ?? encode(next))) {
      // Never send what the other end must refuse: the sender gets an error instead.
      const message = `response from ${m.from} is larger than ${MAX_FRAME_BYTES} bytes`;
      return this.route({ type: 'error', code: ErrorCode.TooLarge, message, id: m.id, from: this.self, to: m.to, hops: m.hops });
    }
    if (frame === undefined) channel.send(next);
    else channel.sendFrame(frame);
  }

  private request(host: string, command: WireCommand, r: RemoteCommand, timeoutSeconds: number): Promise<Response | undefined> {
    const { state, requests } = this.ctx;
    if (!state.reachable(host)) {
      // `mesh send` drops unknown hosts silently (2.3); a namespace host that
      // is not in the mesh is reported instead of skipped (decision 4).
      return Promise.resolve(r.source === '' || r.meshSend === true ? undefined : createError(host, `no route to host ${host}`));
    }
    const { id, answer } = requests.open(host, state.routeEdges(host), timeoutSeconds);
    const payload = r.payload === undefined ? {} : { payload: r.payload };
    this.route({ type: 'exec', id, from: this.self, to: host, hops: MAX_HOPS, command, source: r.source, record: r.record, ...payload });
    return answer;
  }

  private deliver(m: RoutedMessage): void {
    if (m.type === 'exec') return void this.exec(m);
    if (m.type === 'result') return this.ctx.requests.answer(m.id, fromWireResponse(m.response));
    if (m.type === 'error') return this.ctx.requests.fail(m.id, m.message);
  }

  private async exec(m: ExecMessage): Promise<void> {
    const a = await receiveExec(this.ctx.inbox, m, this.ctx.language);
    const back = { id: m.id, from: this.self, to: m.from, hops: MAX_HOPS };
    if (a.kind === 'quit') return this.ctx.quit();
    if (a.kind === 'error') return this.route({ type: 'error', code: a.code, message: a.message, ...back });
    this.route({ type: 'result', response: a.response, ...back });
  }
}

/** The fan-out form 2.3 sends: `namespace "<ns>" <original>`, unless already wrapped. */
function wrapForSource(c: Command, ns: string, language: LanguageService): Command | string {
  const name = c.args.string.name;
  if (name === ns && namespaceStepKind(c.handler.role, name, c.subcommand !== null) === 'enter') return c;
  const r = language.compile(`namespace ${goQuote(ns)} ${c.original}`);
  return r.kind === 'command' ? r.command : r.kind === 'lexError' || r.kind === 'noMatch' ? r.error : `cannot send \`${c.original}\``;
}

/**
 * Whether a response is certainly far below the frame limit, without
 * encoding it: JSON writes a UTF-16 unit as at most 6 characters, each at
 * most 3 bytes of UTF-8, and a few characters around every string.
 */
function surelySmall(r: WireResponse): boolean {
  let units = r.host.length + r.response.length + r.error.length;
  let strings = 3;
  for (const h of r.header ?? []) units += h.length;
  strings += r.header?.length ?? 0;
  for (const row of r.tabular ?? []) {
    strings += row.length + 1;
    for (const cell of row) units += cell.length;
  }
  return (units * 6 + strings * 8 + 1024) * 3 < MAX_FRAME_BYTES;
}

function tooLarge(frame: string): boolean {
  if (frame.length > MAX_FRAME_BYTES) return true;
  // Only long frames can exceed the limit once UTF-8 encoded.
  return frame.length * 3 > MAX_FRAME_BYTES && new TextEncoder().encode(frame).length > MAX_FRAME_BYTES;
}
