/**
 * Where a node's socket lives (minimega's `-base` handling) and what it
 * refuses: an existing socket unless forced, a file that is not a socket,
 * a directory others can write. The socket is 0600 in a 0700 directory; the
 * pid file and the socket go when the node stops. All inside temporary
 * directories.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNode } from '../../interpreter/sim-node.js';
import { createNodeInbox } from '../../interpreter/node-inbox.js';
import { serveNodeSocket } from '../../interpreter/socket/node-socket.js';
import { SOCKET_PROTOCOLS } from '../../interpreter/socket/protocol.js';
import { claimSocketPath, DEFAULT_SOCKET_PATH, resolveSocketPath, SocketPathError } from '../../interpreter/socket/socket-file.js';
import { testTempDir } from '../helpers/temp-dir.js';

const temp = (): string => testTempDir('mm-sockfile-');
const quiet = { force: false, log: () => undefined };

function serve(path: string, force = false, log: (l: string) => void = () => undefined) {
  const node = createNode({ name: 'mm1' });
  return serveNodeSocket({ path, force, protocol: SOCKET_PROTOCOLS['2.3'], inbox: createNodeInbox(node), host: 'mm1', log, onQuit: () => undefined });
}

describe('socket paths', () => {
  it('resolves like -base: default, a directory, a path with a final slash, a socket path', () => {
    const dir = temp();
    expect(resolveSocketPath('', dir)).toBe(DEFAULT_SOCKET_PATH);
    expect(DEFAULT_SOCKET_PATH).toBe('/tmp/minimega/minimega');
    expect(resolveSocketPath(dir, '/')).toBe(join(dir, 'minimega'));
    expect(resolveSocketPath('new/', dir)).toBe(join(dir, 'new', 'minimega'));
    expect(resolveSocketPath('mm.sock', dir)).toBe(join(dir, 'mm.sock'));
  });

  it('creates a missing directory with mode 0700 and the socket with mode 0600, then a pid file; removes both on close', async () => {
    const dir = temp();
    const path = join(dir, 'base', 'minimega');
    const s = await serve(path);
    expect(statSync(join(dir, 'base')).mode & 0o777).toBe(0o700);
    expect(statSync(path).isSocket()).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${path}.pid`, 'utf8')).toBe(String(process.pid));
    await s.close();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.pid`)).toBe(false);
  });

  it('refuses an existing socket unless forced, saying whether something answers on it', async () => {
    const dir = temp();
    const path = join(dir, 'minimega');
    const live = await serve(path);
    await expect(claimSocketPath(path, quiet)).rejects.toThrow(`${path}: a minimega or mm node is already running there (--force replaces its socket)`);
    await live.close();
    // A socket left by a process that died.
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    await new Promise((r) => child.once('exit', r));
    await expect(claimSocketPath(path, quiet)).rejects.toThrow(`${path} exists but nothing answers on it (left by a node that crashed?); --force replaces it`);
    const logs: string[] = [];
    const forced = await serve(path, true, (l) => logs.push(l));
    expect(logs).toEqual([`replacing the existing socket ${path} (--force); another node may still be running`]);
    await forced.close();
  });

  it('never replaces a file that is not a socket, even forced', async () => {
    const dir = temp();
    const path = join(dir, 'minimega');
    writeFileSync(path, 'precious');
    await expect(claimSocketPath(path, { ...quiet, force: true })).rejects.toThrow(`${path} exists and is not a socket; refusing to replace it`);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('refuses a directory others can write, and one that is not a directory', async () => {
    const dir = temp();
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    await expect(claimSocketPath(join(open, 'minimega'), quiet)).rejects.toBeInstanceOf(SocketPathError);
    await expect(claimSocketPath(join(open, 'minimega'), quiet)).rejects.toThrow('can be written by other users');
    writeFileSync(join(dir, 'f'), '');
    await expect(claimSocketPath(join(dir, 'f', 'minimega'), quiet)).rejects.toThrow(`${join(dir, 'f')} is not a directory`);
  });

  it('refuses a path too long for a Unix socket', async () => {
    const path = join(temp(), 'x'.repeat(120));
    await expect(claimSocketPath(path, quiet)).rejects.toThrow(/a socket path may have at most 107 bytes/);
  });
});
