/**
 * The in-memory transport: endpoints in one process, addressed by name.
 * Frames are delivered with `setImmediate`, one macrotask each, so nodes see
 * the same interleaving points as over a real socket (a message never runs
 * in the middle of another node's synchronous code).
 */
import { createPersist, systemClock, type Clock, type Link, type LinkHandlers, type Transport } from './transport.js';

/** A set of in-memory endpoints that can reach each other. */
export interface MemoryNetwork {
  /** The transport of the endpoint `name`; its address is the name. */
  transport(name: string): Transport;
  /**
   * Two connected links, `a`'s end first, without dialling (for wiring a
   * cluster at once). With `values`, they also carry values unencoded
   * (`Link.sendValue`): for ends that trust each other.
   */
  pair(a: string, b: string, values?: boolean): [Link, Link];
}

/** What crosses a memory link: a frame, or a value (`sendValue`). */
type Delivery = { readonly frame: string } | { readonly value: unknown };

class MemoryLink implements Link {
  peer!: MemoryLink;
  readonly sendValue: ((value: unknown) => void) | undefined;
  private handlers: LinkHandlers | undefined;
  private readonly early: Delivery[] = [];
  private sending = true;
  private finished = false;
  private earlyClose: string | undefined;

  constructor(
    readonly remote: string,
    private readonly onFinish: (l: MemoryLink) => void,
    values: boolean,
  ) {
    this.sendValue = values ? (value) => this.deliver({ value }) : undefined;
  }

  send(frame: string): void {
    this.deliver({ frame });
  }

  private deliver(d: Delivery): void {
    if (!this.sending) return;
    const peer = this.peer;
    setImmediate(() => peer.receive(d));
  }

  close(reason: string): void {
    if (!this.sending) return;
    this.sending = false;
    const peer = this.peer;
    // Queued after any frame already sent, as TCP delivers data before FIN.
    setImmediate(() => peer.finish(reason));
    setImmediate(() => this.finish(reason));
  }

  start(handlers: LinkHandlers): void {
    this.handlers = handlers;
    for (const d of this.early.splice(0)) hand(handlers, d);
    if (this.earlyClose !== undefined) handlers.closed(this.earlyClose);
  }

  private receive(d: Delivery): void {
    if (this.finished || !this.sending) return;
    if (this.handlers) hand(this.handlers, d);
    else this.early.push(d);
  }

  private finish(reason: string): void {
    if (this.finished) return;
    this.finished = true;
    this.sending = false;
    this.onFinish(this);
    if (this.handlers) this.handlers.closed(reason);
    else this.earlyClose = reason;
  }
}

function hand(h: LinkHandlers, d: Delivery): void {
  if ('frame' in d) h.frame(d.frame);
  else if (h.value) h.value(d.value);
  else h.frame(JSON.stringify(d.value));
}

/** Creates an empty in-memory network. */
export function createMemoryNetwork(clock: Clock = systemClock): MemoryNetwork {
  const listeners = new Map<string, (link: Link) => void>();
  const links = new Map<string, Set<MemoryLink>>();
  const track =
    (owner: string): MemoryLink['onFinish'] =>
    (l) =>
      links.get(owner)?.delete(l);
  const pair = (a: string, b: string, values = false): [Link, Link] => {
    const la = new MemoryLink(b, track(a), values);
    const lb = new MemoryLink(a, track(b), values);
    la.peer = lb;
    lb.peer = la;
    for (const [owner, l] of [
      [a, la],
      [b, lb],
    ] as const) {
      if (!links.has(owner)) links.set(owner, new Set());
      links.get(owner)!.add(l);
    }
    return [la, lb];
  };
  const transport = (name: string): Transport => {
    const stops = new Set<() => void>();
    const dial = async (address: string): Promise<Link> => {
      const accept = listeners.get(address);
      if (!accept) throw new Error(`no node listening at ${address}`);
      const [mine, theirs] = pair(name, address);
      accept(theirs);
      return mine;
    };
    return {
      async listen(accept) {
        listeners.set(name, accept);
        return name;
      },
      dial,
      persist: createPersist(dial, clock, stops),
      async close() {
        listeners.delete(name);
        for (const s of [...stops]) s();
        stops.clear();
        // Like a killed process: every link drops.
        for (const l of [...(links.get(name) ?? [])]) l.close('connection lost');
      },
    };
  };
  return { transport, pair };
}
