/**
 * In-process socket nodes for protocol tests: a simulated node (or an
 * embedded cluster's head) served on a socket inside a fresh temporary
 * directory, and a raw client that writes bytes and reads lines, the way a
 * client written from the spec would.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createEmbeddedCluster } from '../../interpreter/cluster.js';
import { createNodeInbox } from '../../interpreter/node-inbox.js';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import type { SocketLimits } from '../../interpreter/socket/socket-limits.js';
import { SOCKET_PROTOCOLS, type SocketDialect } from '../../interpreter/socket/protocol.js';
import { listenSocket, type SocketServer } from '../../interpreter/socket/socket-server.js';
import { testTempDir } from './temp-dir.js';

export interface SocketNode {
  readonly path: string;
  readonly dir: string;
  /** The node the socket serves. */
  readonly node: SimNode;
  readonly server: SocketServer;
  /** What the server logged. */
  readonly logs: string[];
  /** Resolves with the first log line (already logged or to come) matching `re`. */
  logged(re: RegExp): Promise<string>;
  /** Resolves when a client's line asked the node to quit. */
  readonly quit: Promise<void>;
  /** Stops serving; the test's end removes the directory (close it in afterEach or earlier). */
  close(): Promise<void>;
}

export interface SocketNodeOptions {
  readonly dialect: SocketDialect;
  readonly name?: string;
  /** Serve the head of an embedded cluster of these nodes instead of a lone node. */
  readonly cluster?: readonly string[];
  /** The node's files directory: the path it prints, behind it the node's temporary directory. */
  readonly filesPath?: string;
  readonly limits?: Partial<SocketLimits>;
}

/** Starts a node served on `<tmp>/minimega`, in a directory of the running test (testTempDir). */
export async function startSocketNode(options: SocketNodeOptions): Promise<SocketNode> {
  const dir = testTempDir('mm-sock-');
  const path = join(dir, 'minimega');
  const files = options.filesPath !== undefined ? { files: { path: options.filesPath, hostDir: dir } } : {};
  const cluster = options.cluster ? createEmbeddedCluster(options.cluster, { cwd: dir, dialect: options.dialect, ...files }) : undefined;
  const node = cluster ? cluster.nodes[0]! : createNode({ name: options.name ?? 'mm1', cwd: dir, dialect: options.dialect, ...files });
  const logs: string[] = [];
  const watchers: { re: RegExp; resolve: (l: string) => void }[] = [];
  const log = (l: string): void => {
    logs.push(l);
    for (const w of watchers.filter((x) => x.re.test(l))) {
      watchers.splice(watchers.indexOf(w), 1);
      w.resolve(l);
    }
  };
  let quit: () => void = () => undefined;
  const quitting = new Promise<void>((resolve) => (quit = resolve));
  // As `mm node` does: a client's quit closes the socket (every client reads EOF).
  const server: SocketServer = await listenSocket(path, {
    protocol: SOCKET_PROTOCOLS[options.dialect],
    inbox: createNodeInbox(node),
    host: node.name,
    log,
    onQuit: () => {
      quit();
      void server.close();
    },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return {
    path,
    dir,
    node,
    server,
    logs,
    logged: (re) => {
      const seen = logs.find((l) => re.test(l));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => watchers.push({ re, resolve }));
    },
    quit: quitting,
    async close() {
      await server.close();
      await cluster?.close();
    },
  };
}

/** A client that writes raw bytes and reads LF-terminated lines. */
export interface RawClient {
  readonly socket: Socket;
  send(bytes: string | Buffer): void;
  /** The next line (without LF); undefined once the server has closed the connection. */
  line(): Promise<string | undefined>;
  /** Reads frames up to and including the next terminal one (`More` false, `Status` not true). */
  reply(): Promise<string[]>;
  /** Resolves when the connection is closed. */
  readonly closed: Promise<void>;
  end(): void;
}

/** Connects a raw client to `path`. */
export function rawClient(path: string): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let buffer = '';
    const lines: string[] = [];
    let waiter: ((l: string | undefined) => void) | undefined;
    let ended = false;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      buffer += d;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        lines.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
      while (waiter && lines.length > 0) {
        const w = waiter;
        waiter = undefined;
        w(lines.shift());
      }
    });
    socket.on('close', () => {
      ended = true;
      const w = waiter;
      waiter = undefined;
      w?.(undefined);
    });
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.off('error', reject);
      const client: RawClient = {
        socket,
        send: (bytes) => void socket.write(bytes),
        line: () => {
          if (lines.length > 0) return Promise.resolve(lines.shift());
          if (ended) return Promise.resolve(undefined);
          return new Promise((r) => (waiter = r));
        },
        async reply() {
          const out: string[] = [];
          for (;;) {
            const l = await client.line();
            if (l === undefined) throw new Error(`connection closed after ${JSON.stringify(out)}`);
            out.push(l);
            const f = JSON.parse(l) as { More: boolean; Status?: boolean };
            if (!f.More && f.Status !== true) return out;
          }
        },
        closed,
        end: () => socket.end(),
      };
      resolve(client);
    });
    socket.once('error', reject);
  });
}
