/**
 * A started link that speaks messages: frames are decoded (bad ones answered
 * with a typed error, never thrown), and the handler can be swapped as the
 * link moves from handshake to session.
 */
import { decode, encode, ErrorCode, type Message } from './mesh-protocol.js';
import type { Link } from './transport.js';

export interface ChannelHandlers {
  message(m: Message): void;
  closed(reason: string): void;
}

/**
 * Messages a channel keeps between a handshake's end and its session's
 * handler at most (`hold`): those that shared a packet with the handshake's
 * last message, a few in practice; more close the link.
 */
const MAX_HELD = 1024;

export class Channel {
  private handlers: ChannelHandlers | undefined;
  private open = true;
  private reason = '';
  /** Messages kept for the next handler (`hold`). */
  private held: Message[] | undefined;

  /** Nothing is delivered before the first `on` (the link buffers). */
  constructor(readonly link: Link) {}

  /** Whether the link is still up. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Whether messages travel unencoded (`Link.sendValue`): a trusted in-process link. */
  get carriesValues(): boolean {
    return this.link.sendValue !== undefined;
  }

  /** Why the link closed ("" while open). */
  get closeReason(): string {
    return this.reason;
  }

  /**
   * Keeps the messages that come from now on for the next `on`, which gets
   * them first. A handshake ends on a message that may share a packet with
   * the session's first ones (a node floods link state right after its
   * welcome): those are delivered in the same turn, before the code awaiting
   * the handshake has set the session's handler, and were lost.
   */
  hold(): void {
    const held: Message[] = [];
    this.held = held;
    this.handlers = {
      message: (m) => {
        if (held.length < MAX_HELD) held.push(m);
        else this.close(`more than ${MAX_HELD} messages before the session started`);
      },
      // The next `on` sees that the link closed.
      closed: () => {},
    };
  }

  /**
   * Routes further messages and the close event to `h` (immediately, if
   * already closed); messages held (`hold`) go first, in order, once the
   * caller's turn is over (after the rest of its set-up).
   */
  on(h: ChannelHandlers): void {
    const first = this.handlers === undefined;
    const held = this.held;
    this.held = undefined;
    this.handlers = h;
    if (held !== undefined && held.length > 0) {
      // Before any later message: those come in later turns, after this microtask.
      queueMicrotask(() => {
        for (const m of held) if (this.handlers === h) this.message(m);
        if (!this.open && this.handlers === h) h.closed(this.reason);
      });
      return;
    }
    if (first) {
      this.link.start({
        frame: (f) => this.frame(f),
        value: (v) => this.message(v as Message),
        closed: (r) => {
          this.open = false;
          this.reason = r;
          this.handlers!.closed(r);
        },
      });
    } else if (!this.open) h.closed(this.reason);
  }

  send(m: Message): void {
    if (!this.open) return;
    if (this.link.sendValue) this.link.sendValue(m);
    else this.link.send(encode(m));
  }

  /** Sends an already encoded message. */
  sendFrame(frame: string): void {
    if (this.open) this.link.send(frame);
  }

  /** Sends a typed error (no routing fields). */
  fail(code: ErrorCode, message: string): void {
    this.send({ type: 'error', code, message });
  }

  close(reason: string): void {
    this.link.close(reason);
  }

  private frame(f: string): void {
    const r = decode(f);
    if (!r.ok) return this.fail(r.code, r.error);
    this.message(r.message);
  }

  private message(m: Message): void {
    try {
      this.handlers!.message(m);
    } catch (e) {
      // A handler bug must not take the node down with it.
      this.fail(ErrorCode.Failed, `internal error: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}

export { ErrorCode };
