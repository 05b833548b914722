/**
 * What the mesh needs from a network: ordered, reliable links that carry text
 * frames. Two implementations: in-memory (many nodes in one process,
 * `memory.ts`) and WebSocket (`ws.ts`). The mesh layer (`mesh.ts`) knows
 * nothing else about sockets, and the runtime knows nothing about links.
 */

/** Callbacks a link delivers to once started. */
export interface LinkHandlers {
  /** One frame, in the order the other end sent them. */
  frame(data: string): void;
  /** Called once, when either end closed the link or it was declared dead. */
  closed(reason: string): void;
  /** One value sent with `sendValue` (links that have it); without this handler it arrives as its JSON frame. */
  value?(value: unknown): void;
}

/** One connection between two endpoints. */
export interface Link {
  /** The other end's address, for messages (`ws://127.0.0.1:9000`, or a node name in memory). */
  readonly remote: string;
  /** Sends one frame; frames sent after the link closed are dropped. */
  send(frame: string): void;
  /**
   * Sends a value as it is, in order with the frames: only links between
   * trusted ends in one process have it (an embedded cluster's), where
   * encoding every message for the next hop to decode is pure cost.
   */
  sendValue?(value: unknown): void;
  /** Closes the link; both ends see `closed(reason)`. */
  close(reason: string): void;
  /** Starts delivery. Frames that arrived before are delivered first, in order. */
  start(handlers: LinkHandlers): void;
}

/** What a persistent dial does with each new link; `established` resets the backoff. */
export type PersistLink = (link: Link, established: () => void) => void;

/** Stops something that runs in the background (a persistent dial). */
export type Stop = () => void;

export interface Transport {
  /** Accepts incoming links; resolves with the address others dial. */
  listen(accept: (link: Link) => void): Promise<string>;
  /** Opens a link; rejects with an Error whose message is the network error text. */
  dial(address: string): Promise<Link>;
  /**
   * Keeps a link to `address` up: dials, and dials again with capped
   * exponential backoff whenever dialling fails or the link closes, until
   * stopped. `onLink` gets every new link, and calls `established` once the
   * link proved useful (its handshake passed): only that resets the backoff,
   * so a peer that accepts connections but refuses us is not hammered.
   * `onError` gets every failed attempt.
   */
  persist(address: string, onLink: PersistLink, onError?: (error: Error) => void): Stop;
  /** Stops listening, stops persistent dials and closes every link. */
  close(): Promise<void>;
}

/** Timers the mesh and transports use; tests inject a fake one. */
export interface Clock {
  now(): number;
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Capped exponential backoff: `initial`, doubled after every failure, at most `max` (ms). */
export function createBackoff(initialMs = 250, maxMs = 10_000): { next(): number; reset(): void } {
  let current = initialMs;
  return {
    next() {
      const d = current;
      current = Math.min(current * 2, maxMs);
      return d;
    },
    reset() {
      current = initialMs;
    },
  };
}

/**
 * The shared `persist` logic: dial, hand over the link, and when it closes
 * (or dialling fails) dial again after a backoff delay. The backoff resets
 * when the owner says the link is established (not merely connected).
 */
export function persistentDial(
  dial: (address: string) => Promise<Link>,
  clock: Clock,
  address: string,
  onLink: PersistLink,
  onError: (error: Error) => void = () => undefined,
  backoff = createBackoff(),
): Stop {
  let stopped = false;
  let timer: unknown;
  let current: Link | undefined;
  const retry = (): void => {
    if (stopped) return;
    timer = clock.setTimeout(attempt, backoff.next());
  };
  const attempt = (): void => {
    timer = undefined;
    dial(address).then(
      (link) => {
        if (stopped) return link.close('stopped');
        current = link;
        onLink(
          watchClose(link, () => {
            current = undefined;
            retry();
          }),
          () => backoff.reset(),
        );
      },
      (e: unknown) => {
        if (stopped) return;
        onError(e instanceof Error ? e : new Error(String(e)));
        retry();
      },
    );
  };
  attempt();
  return () => {
    stopped = true;
    if (timer !== undefined) clock.clearTimeout(timer);
    current?.close('stopped');
  };
}

/** A view of `link` that also tells `onClosed` when it closes. */
function watchClose(link: Link, onClosed: () => void): Link {
  return {
    remote: link.remote,
    send: (f) => link.send(f),
    close: (r) => link.close(r),
    start: (h) =>
      link.start({
        frame: h.frame,
        closed: (reason) => {
          h.closed(reason);
          onClosed();
        },
      }),
  };
}

/**
 * A transport's `persist`: persistent dials tracked in `stops`, so that
 * closing the transport stops them all.
 */
export function createPersist(
  dial: (address: string) => Promise<Link>,
  clock: Clock,
  stops: Set<Stop>,
): (address: string, onLink: PersistLink, onError?: (error: Error) => void) => Stop {
  return (address, onLink, onError) => {
    const stop = persistentDial(dial, clock, address, onLink, onError);
    stops.add(stop);
    return () => {
      stops.delete(stop);
      stop();
    };
  };
}
