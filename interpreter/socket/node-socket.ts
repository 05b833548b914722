/**
 * A node's socket from start to stop: claim the path, listen, write the pid
 * file, and remove both when the node stops, including when the process
 * exits without stopping it (an uncaught error).
 */
import { claimSocketPath } from './socket-file.js';
import { listenSocket, type SocketServer, type SocketServerOptions } from './socket-server.js';

export interface NodeSocketOptions extends SocketServerOptions {
  /** The socket file (see `resolveSocketPath`). */
  readonly path: string;
  /** Replace an existing socket file. */
  readonly force: boolean;
}

/** A listening node socket. */
export interface NodeSocket {
  readonly path: string;
  readonly server: SocketServer;
  /** Closes every connection, stops listening, removes the socket and pid files. */
  close(): Promise<void>;
}

/** Claims `options.path` and serves the node there. */
export async function serveNodeSocket(options: NodeSocketOptions): Promise<NodeSocket> {
  const claim = await claimSocketPath(options.path, { force: options.force, log: options.log });
  const server = await listenSocket(claim.path, options);
  const onExit = (): void => claim.release();
  try {
    claim.commit();
  } catch (e) {
    await server.close();
    claim.release();
    throw e;
  }
  process.once('exit', onExit);
  return {
    path: claim.path,
    server,
    async close() {
      await server.close();
      claim.release();
      process.off('exit', onExit);
    },
  };
}
