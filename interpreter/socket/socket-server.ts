/**
 * A node's local command socket, served as minimega serves `<base>/minimega`
 * (socket.md section 11): nothing is sent on connect, every connection is
 * served on its own (`connection.ts`), the node's dialect picks the
 * protocol. The socket file is created with mode 0600, so only its owner can
 * connect; where it lives and who may replace it is `socket-file.ts`'s job.
 */
import { chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { NodeInbox } from '../contracts/delivery.js';
import { serveConnection } from './connection.js';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket-limits.js';
import { PipeHub } from './pipe-hub.js';
import type { SocketProtocol } from './protocol.js';

export interface SocketServerOptions {
  readonly protocol: SocketProtocol;
  /** The node the clients drive. */
  readonly inbox: Pick<NodeInbox, 'line' | 'suggest'>;
  /** The node's name (the `Host` of errors the server answers itself). */
  readonly host: string;
  readonly log: (line: string) => void;
  /** A client's line asked the node to quit. */
  readonly onQuit: () => void;
  readonly limits?: Partial<SocketLimits>;
}

export interface SocketServer {
  /** The socket file. */
  readonly path: string;
  /** The pipes of 3.1 `PlumbPipe` attachments. */
  readonly pipes: PipeHub;
  /** Connections open now. */
  connections(): number;
  /** Stops listening and closes every connection (their clients read EOF). */
  close(): Promise<void>;
}

/** How often the "too many connections" note may be logged (ms). */
const DROP_LOG_INTERVAL_MS = 10_000;

/** Listens on `path` (which must not exist) and serves the node there. */
export async function listenSocket(path: string, options: SocketServerOptions): Promise<SocketServer> {
  const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...options.limits };
  const pipes = new PipeHub();
  const sockets = new Set<Socket>();
  const ctx = { protocol: options.protocol, inbox: options.inbox, host: options.host, limits, pipes, log: options.log, onQuit: options.onQuit };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(socket, ctx);
  });
  server.maxConnections = limits.maxConnections;
  let lastDropLog = -Infinity;
  server.on('drop', () => {
    const now = Date.now();
    if (now - lastDropLog < DROP_LOG_INTERVAL_MS) return;
    lastDropLog = now;
    options.log(`refusing socket clients: ${limits.maxConnections} connections are open`);
  });
  await listenOwnerOnly(server, path);
  // Errors after listening (accept failures) must not take the node down.
  server.on('error', (e) => options.log(`socket ${path}: ${e.message}`));
  let closing: Promise<void> | undefined;
  return {
    path,
    pipes,
    connections: () => sockets.size,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

/**
 * Binds with a umask that leaves the socket file to its owner, so that it is
 * never reachable by others, not even between bind and chmod.
 */
function listenOwnerOnly(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    const umask = process.umask(0o177);
    try {
      // The bind happens inside this call, under the umask.
      server.listen(path, () => {
        server.off('error', onError);
        try {
          chmodSync(path, 0o600);
          resolve();
        } catch (e) {
          server.close();
          reject(e as Error);
        }
      });
    } finally {
      process.umask(umask);
    }
  });
}
