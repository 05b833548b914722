/**
 * The `--connect` target: a running `mm node` reached over WebSocket as a
 * client. Its own module, loaded only when `--connect` is given, so that the
 * WebSocket library and Node's network and crypto modules are not loaded by
 * every `mm run` of a script on a simulated node.
 */
import { createDefaultFlags, type Flags } from '../interpreter/contracts/responses.js';
import { connectClient, type RemoteNode } from '../interpreter/mesh/mesh-client.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import { CliError, type CliIO } from './cli-io.js';
import type { LineTarget } from './line-target.js';
import { loadClientAuth } from './mesh-credentials.js';
import { createRemoteNames } from './remote-names.js';

/**
 * Connects to the node at `url` as a client (see `connectRemote`) and makes
 * it a line target; a node not listening yet is waited for up to `waitSeconds`.
 */
export async function connectTarget(io: CliIO, url: string, values: Readonly<Record<string, unknown>>, waitSeconds: number): Promise<LineTarget> {
  return remoteTarget(await connectRemote(io, url, values, waitSeconds));
}

/** A connected client and the transport to close after it. */
interface RemoteConnection {
  readonly node: RemoteNode;
  close(): Promise<void>;
}

/** Whether a failed dial means nothing listens there (yet). */
function notListening(e: unknown): boolean {
  return /ECONNREFUSED|ECONNRESET/.test((e as Error).message);
}

/**
 * Connects to a running node as a client, proving the secret of `--keys` or
 * `--secret-file`. A node that is not listening yet (started a moment ago
 * in the background) is waited for, up to `waitSeconds` (0: not at all),
 * with a notice on stderr.
 */
async function connectRemote(io: CliIO, url: string, values: Readonly<Record<string, unknown>>, waitSeconds: number): Promise<RemoteConnection> {
  const auth = loadClientAuth(io, values);
  const transport = createWsTransport();
  const deadline = Date.now() + waitSeconds * 1000;
  let pause = 50;
  let told = false;
  for (;;) {
    try {
      const node = await connectClient(transport, url, auth ? { auth } : {});
      return {
        node,
        async close() {
          node.close();
          await transport.close();
        },
      };
    } catch (e) {
      if (notListening(e) && Date.now() + pause < deadline) {
        if (!told) io.stderr(`mm: nothing listens on ${url} yet; waiting up to ${waitSeconds} s for the node to start\n`);
        told = true;
        await new Promise((r) => setTimeout(r, pause));
        pause = Math.min(pause * 2, 1000);
        continue;
      }
      await transport.close();
      const why = notListening(e) && told ? `nothing listened there within ${waitSeconds} s (is the node started, on that port?)` : (e as Error).message;
      throw new CliError(`cannot connect to ${url}: ${why}`);
    }
  }
}

function remoteTarget(conn: RemoteConnection): LineTarget {
  const view = createFlagsView();
  let quit = false;
  let namespace = '';
  const names = createRemoteNames(async (line) => (await conn.node.run(line)).outcome);
  return {
    names: names.source,
    refreshNames: () => names.refresh(),
    async run(line) {
      names.invalidate();
      let r: Awaited<ReturnType<typeof conn.node.run>>;
      try {
        r = await conn.node.run(line);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      view.flags = r.flags;
      quit = r.quit;
      namespace = r.namespace;
      return r.outcome;
    },
    view,
    stopped: () => quit,
    namespace: () => namespace,
    close: () => conn.close(),
  };
}

function createFlagsView(): { flags: Flags } {
  return { flags: createDefaultFlags() };
}
