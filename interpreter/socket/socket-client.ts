/**
 * `mm` as a client of a minimega daemon's socket (or of an `mm node
 * --socket`): requests one at a time, frames read until the terminal one
 * (status frames are handed on and reading goes on), completion requests
 * where the dialect has them.
 *
 * On connect the client sends a comment line (which every daemon answers
 * with the null frame, without running or recording anything) and looks at
 * the answer: a daemon of the other dialect answers in a different shape
 * (socket.md section 12), which becomes an error naming both versions
 * instead of a session where every line fails or prints nothing.
 */
import { connect, type Socket } from 'node:net';
import { FrameError, LineSplitter, parseFrame, type ReadFrame } from './frame-reading.js';
import { SOCKET_PROTOCOLS, type SocketDialect, type SocketProtocol } from './protocol.js';

/** The largest frame the client accepts (a `vm info` of many thousand VMs fits easily). */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

/** How long the daemon has to answer the first request (ms). */
export const PROBE_TIMEOUT_MS = 10_000;

/** A failure talking to the daemon. */
export class SocketClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocketClientError';
  }
}

/** The daemon speaks the other dialect's protocol. */
export class DialectMismatchError extends SocketClientError {
  constructor(
    readonly path: string,
    readonly client: SocketDialect,
    readonly daemon: SocketDialect,
  ) {
    super(`the daemon at ${path} speaks minimega ${daemon}'s socket protocol, not ${client}'s`);
    this.name = 'DialectMismatchError';
  }
}

/** The daemon closed the connection before its answer was complete. */
export class DaemonClosedError extends SocketClientError {
  constructor(path: string) {
    super(`the daemon at ${path} closed the connection (server disconnected)`);
    this.name = 'DaemonClosedError';
  }
}

export interface SocketClient {
  readonly path: string;
  readonly protocol: SocketProtocol;
  /**
   * Runs one line: `onFrame` sees every frame, status frames included, until
   * the terminal one. Rejects with `DaemonClosedError` if the daemon closes first.
   */
  command(line: string, onFrame: (frame: ReadFrame) => void | Promise<void>): Promise<void>;
  /**
   * Whole-line completion candidates from the daemon, or undefined when the
   * dialect never completes over the socket (2.3).
   */
  suggest(line: string): Promise<readonly string[] | undefined>;
  close(): void;
}

export interface ConnectOptions {
  /** Time the daemon has to answer the first request (ms). */
  readonly probeTimeoutMs?: number;
  /** Where status frames that arrive outside a command go (3.1). */
  readonly onStatus?: (frame: ReadFrame) => void;
}

/** What `dial unix` prints for the usual errors, as minimega's clients show them. */
const DIAL_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ECONNREFUSED: 'connection refused',
  EACCES: 'permission denied',
  ENOTSOCK: 'socket operation on non-socket',
  EAGAIN: 'resource temporarily unavailable',
};

/** How long a full listen backlog is retried before giving up (ms). */
const DIAL_RETRY_MS = 5000;

/**
 * Connects; while the daemon's listen backlog is full (EAGAIN), retries with
 * a back-off from 10 ms, doubling, as minimega 3.1's client does (but not
 * forever).
 */
async function dial(path: string): Promise<Socket> {
  let waited = 0;
  for (let backoff = 10; ; backoff *= 2) {
    try {
      return await dialOnce(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' || waited >= DIAL_RETRY_MS) {
        const why = (code && DIAL_ERRORS[code]) ?? (e as Error).message;
        throw new SocketClientError(`dial unix ${path}: connect: ${why}`);
      }
      await new Promise((r) => setTimeout(r, backoff));
      waited += backoff;
    }
  }
}

function dialOnce(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(path);
    s.once('connect', () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** Frames in arrival order, and whoever waits for the next one. */
class FrameInbox {
  private readonly frames: ReadFrame[] = [];
  private waiter: { resolve: (f: ReadFrame) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  put(f: ReadFrame): void {
    const w = this.waiter;
    this.waiter = undefined;
    if (w) w.resolve(f);
    else this.frames.push(f);
  }

  fail(e: Error): void {
    this.failure ??= e;
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(this.failure);
  }

  /** The status frames at the head of the queue (they arrived after an answer was complete). */
  takeLeadingStatus(): ReadFrame[] {
    let n = 0;
    while (n < this.frames.length && this.frames[n]!.status) n++;
    return this.frames.splice(0, n);
  }

  next(): Promise<ReadFrame> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }
}

/** Connects to the socket at `path` speaking `dialect`, and checks that the daemon speaks it too. */
export async function connectSocket(path: string, dialect: SocketDialect, options: ConnectOptions = {}): Promise<SocketClient> {
  const protocol = SOCKET_PROTOCOLS[dialect];
  const socket = await dial(path);
  const inbox = new FrameInbox();
  const splitter = new LineSplitter(MAX_FRAME_BYTES);
  // Requests sent and not yet answered in full; the probe counts as one.
  let busy = 1;
  socket.on('data', (chunk: Buffer) => {
    try {
      for (const line of splitter.push(chunk)) {
        const f = parseFrame(line);
        // A status frame between commands (3.1) is shown at once, not kept for the next answer.
        if (f.status && busy === 0 && options.onStatus) options.onStatus(f);
        else inbox.put(f);
      }
    } catch (e) {
      const why = e instanceof FrameError ? e.message : String(e);
      inbox.fail(new SocketClientError(`${path} does not answer as minimega does: ${why}`));
      socket.destroy();
    }
  });
  socket.on('close', () => inbox.fail(new DaemonClosedError(path)));
  socket.on('error', () => undefined);

  try {
    await probe(path, protocol, socket, inbox, options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
  } catch (e) {
    socket.destroy();
    throw e;
  }
  busy = 0;

  // One request at a time: the next is sent once the previous one's last frame is in.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(request: string, read: () => Promise<T>): Promise<T> => {
    busy++;
    const run = queue.then(() => {
      if (!socket.destroyed) socket.write(request);
      return read();
    });
    const done = (): void => {
      busy--;
      // Status frames that came with the answer but after its last frame belong to nobody's answer.
      if (busy === 0) for (const f of inbox.takeLeadingStatus()) options.onStatus?.(f);
    };
    queue = run.then(done, done);
    return run;
  };

  return {
    path,
    protocol,
    command: (line, onFrame) =>
      serial(protocol.commandRequest(line), async () => {
        for (;;) {
          const f = await inbox.next();
          await onFrame(f);
          if (!f.status && !f.more) return;
        }
      }),
    suggest: (line) => {
      const request = protocol.suggestRequest(line);
      if (request === undefined) return Promise.resolve(undefined);
      return serial(request, async () => {
        for (;;) {
          const f = await inbox.next();
          if (!f.status) return f.suggest;
          options.onStatus?.(f);
        }
      });
    },
    close: () => socket.destroy(),
  };
}

/**
 * The first exchange: a comment line, which any daemon answers with the
 * null frame. A frame of the other dialect's shape, an error instead of the
 * null frame, silence or an early close are reported here.
 */
async function probe(path: string, protocol: SocketProtocol, socket: Socket, inbox: FrameInbox, timeoutMs: number): Promise<void> {
  socket.write(protocol.commandRequest('#'));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SocketClientError(`no answer from ${path} within ${timeoutMs / 1000} s: is a minimega daemon listening there?`)),
      timeoutMs,
    );
  });
  let frame: ReadFrame;
  try {
    do frame = await Promise.race([inbox.next(), timeout]);
    while (frame.status);
  } catch (e) {
    if (e instanceof DaemonClosedError) throw new SocketClientError(`the daemon at ${path} closed the connection without answering`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
  if (frame.hasStatus !== protocol.frames.status) {
    const daemon = (Object.keys(SOCKET_PROTOCOLS) as SocketDialect[]).find((d) => SOCKET_PROTOCOLS[d].frames.status === frame.hasStatus);
    if (daemon !== undefined) throw new DialectMismatchError(path, protocol.dialect, daemon);
  }
  const error = frame.resp?.find((r) => r.error !== '');
  if (error || frame.resp !== null || frame.more) {
    const said = error ? `: Error (${error.host}): ${error.error}` : '';
    throw new SocketClientError(`the daemon at ${path} does not answer minimega ${protocol.dialect}'s requests as expected${said}`);
  }
}
