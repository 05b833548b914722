/**
 * Bounded soak: 50 clients, each issuing 2,000 commands at once against one
 * socket node (half of them one request at a time, half with all their
 * requests written up front). No reply may be lost, duplicated or
 * interleaved, each connection's replies come in its order, and the node's
 * heap after a forced GC stays within 20 MB of where it started. The clients
 * run in a child process written from the spec; the node runs here, where
 * its heap can be measured. Growth is asserted, never speed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { rawClient, startSocketNode, type SocketNode } from '../helpers/socket-node.js';
import { SOCKET_PROTOCOLS, type SocketDialect } from '../../interpreter/socket/protocol.js';

const CLIENTS = 50;
const COMMANDS = 2000;
const HEAP_SLACK = 20 * 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function runClients(path: string, dialect: SocketDialect, clients: number, commands: number): Promise<{ commands: number; problems: unknown[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'test/helpers/socket-soak-client.mjs'), path, dialect, String(clients), String(commands)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as { commands: number; problems: unknown[] }) : reject(new Error(`soak client exited ${code}`)),
    );
  });
}

const nodes: SocketNode[] = [];
// Each test's node is closed before the test's end removes its directory.
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

describe('socket soak', () => {
  it.each(['2.3', '3.1'] as const)(
    '%s: 50 clients x 2,000 commands: nothing lost or interleaved, heap bounded',
    async (dialect) => {
      const n = await startSocketNode({ dialect, name: 'mm1' });
      nodes.push(n);
      const setup = await rawClient(n.path);
      setup.send(SOCKET_PROTOCOLS[dialect].commandRequest('vm launch kvm soak[1-20]'));
      await setup.reply();
      setup.end();
      // Warm up caches (compiled lines, the history up to its cap's order of size) before measuring.
      expect((await runClients(n.path, dialect, 10, 200)).problems).toEqual([]);
      const before = heapAfterGc();
      const r = await runClients(n.path, dialect, CLIENTS, COMMANDS);
      expect(r.problems).toEqual([]);
      expect(r.commands).toBe(CLIENTS * COMMANDS);
      const grown = heapAfterGc() - before;
      expect(grown, `heap grew by ${(grown / 1048576).toFixed(1)} MB`).toBeLessThan(HEAP_SLACK);
      // Every client has left; the node lets go of their connections.
      while (n.server.connections() > 0) await new Promise((r) => setImmediate(r));
    },
    180_000,
  );
});
