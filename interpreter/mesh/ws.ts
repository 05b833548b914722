/**
 * The WebSocket transport (`ws`): a thin adapter from sockets to links. It
 * owns what is about sockets and nothing else: the subprotocol check that
 * carries the protocol version, `maxPayload`, the heartbeat (ping every
 * interval; a socket that did not answer the previous ping is terminated,
 * which the mesh sees as a dropped link) and capped exponential backoff for
 * persistent dials. The WebSocket classes and the clock are injectable.
 */
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { ErrorCode, encode, MAX_FRAME_BYTES, SUBPROTOCOL } from './mesh-protocol.js';
import { createPersist, systemClock, type Clock, type Link, type LinkHandlers, type Stop, type Transport } from './transport.js';

export interface WsTransportOptions {
  /** Listening address (default 127.0.0.1: loopback unless told otherwise). */
  readonly host?: string;
  /** Listening port (default 9000; 0 picks a free one). */
  readonly port?: number;
  /** Port for dial addresses that name none (default: `port`, as 2.3 assumes one port). */
  readonly defaultPort?: number;
  /** Heartbeat interval in ms (default 10 s, decision 4). */
  readonly heartbeatMs?: number;
  readonly maxPayload?: number;
  readonly clock?: Clock;
  readonly WebSocket?: typeof WebSocket;
  readonly WebSocketServer?: typeof WebSocketServer;
}

/** A WebSocket transport; `port()` is the real listening port once listening. */
export interface WsTransport extends Transport {
  port(): number;
}

interface Watched {
  readonly socket: WebSocket;
  alive: boolean;
  dead?: string;
}

/** Creates a WebSocket transport. */
export function createWsTransport(options: WsTransportOptions = {}): WsTransport {
  const WS = options.WebSocket ?? WebSocket;
  const Server = options.WebSocketServer ?? WebSocketServer;
  const clock = options.clock ?? systemClock;
  const host = options.host ?? '127.0.0.1';
  const maxPayload = options.maxPayload ?? MAX_FRAME_BYTES;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  let port = options.port ?? 9000;
  let server: WebSocketServer | undefined;
  const sockets = new Set<Watched>();
  const stops = new Set<Stop>();
  let beat: unknown;
  /** Set when `close` starts: peers dialling again meanwhile must not keep the server open. */
  let stopping = false;

  const heartbeat = (): void => {
    beat = undefined;
    for (const w of sockets) {
      if (!w.alive) {
        // Silent since the last ping: declared dead now (decision 4).
        w.dead = `no heartbeat for ${heartbeatMs} ms`;
        w.socket.terminate();
        continue;
      }
      w.alive = false;
      try {
        w.socket.ping();
      } catch {
        // Closing already; the close event follows.
      }
    }
    if (sockets.size > 0) beat = clock.setTimeout(heartbeat, heartbeatMs);
  };

  const watch = (socket: WebSocket, remote: string): Link => {
    const w: Watched = { socket, alive: true };
    sockets.add(w);
    if (beat === undefined && heartbeatMs > 0) beat = clock.setTimeout(heartbeat, heartbeatMs);
    let handlers: LinkHandlers | undefined;
    const early: string[] = [];
    let earlyClose: string | undefined;
    socket.on('pong', () => (w.alive = true));
    socket.on('message', (data: RawData) => {
      w.alive = true;
      const text = rawText(data);
      if (handlers) handlers.frame(text);
      else early.push(text);
    });
    // 'error' always precedes 'close'; listening keeps a bad peer from crashing the node.
    socket.on('error', () => undefined);
    socket.on('close', (code: number, reason: Buffer) => {
      sockets.delete(w);
      const why = w.dead ?? (reason.length > 0 ? reason.toString('utf8') : `connection closed (code ${code})`);
      if (handlers) handlers.closed(why);
      else earlyClose = why;
    });
    return {
      remote,
      send: (frame) => {
        if (socket.readyState === WS.OPEN) socket.send(frame);
      },
      close: (reason) => socket.close(1000, truncateReason(reason)),
      start: (h) => {
        handlers = h;
        for (const f of early.splice(0)) h.frame(f);
        if (earlyClose !== undefined) h.closed(earlyClose);
      },
    };
  };

  const dial = (address: string): Promise<Link> => {
    const url = toUrl(address, options.defaultPort ?? port);
    return new Promise<Link>((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new WS(url, [SUBPROTOCOL], { maxPayload, handshakeTimeout: 10_000, perMessageDeflate: false });
      } catch (e) {
        return reject(new Error((e as Error).message));
      }
      const link = watch(socket, url);
      const fail = (e: Error): void => {
        socket.removeAllListeners('open');
        reject(new Error(e.message === 'Server sent no subprotocol' ? `the node does not speak ${SUBPROTOCOL}` : e.message));
      };
      socket.once('error', fail);
      socket.once('open', () => {
        socket.off('error', fail);
        resolve(link);
      });
    });
  };

  return {
    port: () => port,
    async listen(accept) {
      const s = new Server({
        host,
        port,
        maxPayload,
        perMessageDeflate: false,
        // The version travels in the subprotocol; a node offering another one is refused.
        handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
      });
      await new Promise<void>((resolve, reject) => {
        s.once('listening', resolve);
        s.once('error', reject);
      });
      s.on('error', () => undefined);
      server = s;
      const a = s.address();
      if (typeof a === 'object' && a) port = a.port;
      s.on('connection', (socket, req) => {
        if (stopping) return socket.terminate();
        const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
        if (socket.protocol !== SUBPROTOCOL) {
          socket.send(encode({ type: 'error', code: ErrorCode.Version, message: `this node speaks ${SUBPROTOCOL}` }));
          socket.close(1002, 'unsupported protocol');
          return;
        }
        accept(watch(socket, remote));
      });
      return `ws://${formatHost(host)}:${port}`;
    },
    dial,
    persist: createPersist(dial, clock, stops),
    async close() {
      stopping = true;
      for (const s of [...stops]) s();
      stops.clear();
      if (beat !== undefined) clock.clearTimeout(beat);
      beat = undefined;
      // Closing handshakes first, so frames already sent (a client's last
      // answer) arrive; sockets that do not finish in time are cut.
      const closing = [...sockets].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.socket.readyState === WS.CLOSED) return resolve();
            w.socket.once('close', () => resolve());
            w.socket.close(1001, 'node stopped');
          }),
      );
      const cut = setTimeout(() => {
        for (const w of sockets) w.socket.terminate();
      }, 1000);
      await Promise.all(closing);
      clearTimeout(cut);
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    },
  };
}

/** `ws://h:p`, `h:p` or `h` (default port) as a WebSocket URL. */
export function toUrl(address: string, defaultPort: number): string {
  if (/^wss?:\/\//.test(address)) return address;
  if (/^\[.*\]:\d+$/.test(address) || /^[^:]+:\d+$/.test(address)) return `ws://${address}`;
  return `ws://${address.includes(':') ? `[${address}]` : address}:${defaultPort}`;
}

function formatHost(h: string): string {
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** Close reasons are limited to 123 bytes by the WebSocket protocol. */
function truncateReason(r: string): string {
  return Buffer.byteLength(r) <= 123 ? r : Buffer.from(r).subarray(0, 120).toString('utf8');
}
