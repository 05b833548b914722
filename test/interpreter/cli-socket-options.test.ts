/**
 * The socket options as a user meets them: `--socket[=PATH]` and
 * `--attach[=SOCKET]` take a value only after `=`, a path given as the next
 * argument is explained, conflicting options are refused, and the help says
 * how `--attach` differs from `minimega -e`.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';

describe('socket options', () => {
  it('explains a socket path given as the next argument', async () => {
    const dir = testTempDir('mm-cliopt-');
    expect(runMm(['node', '--socket', join(dir, 's')], { cwd: dir }).stderr).toBe(
      `mm node: unexpected argument ${join(dir, 's')} (to give --socket a path, write --socket=${join(dir, 's')})\n`,
    );
    // A socket where a script is expected.
    const path = join(dir, 'minimega');
    const server = createServer();
    await new Promise<void>((r) => server.listen(path, r));
    try {
      const r = runMm(['run', '--attach', path, 'x.mm'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`mm run: ${path}: not a script (it is a socket: to attach to it, write --attach=${path})\n`);
    } finally {
      server.close();
    }
  });

  it('refuses options that make no sense together', () => {
    const cases: [string[], string][] = [
      [['run', '--attach', '--nodes', '3', 'x.mm'], 'mm run: --nodes cannot be used with --attach (the daemon is not simulated here)'],
      [['repl', '--attach', '--socket'], 'mm repl: --socket cannot be used with --attach (the daemon is not simulated here)'],
      [['node', '--force'], 'mm node: --force needs --socket'],
      [['node', '--socket', '--peer', '127.0.0.1:1'], 'mm node: --peer needs --listen (a node with only --socket opens no network port)'],
      [['node', '--socket', '--dialect', '2.4'], 'mm node: --dialect must be 2.3 or 3.1, not "2.4"'],
      [['repl', '--connect', 'ws://127.0.0.1:1', '--dialect', '3.1'], 'mm repl: --dialect cannot be used with --connect (the node has its own)'],
    ];
    for (const [args, error] of cases) {
      const r = runMm(args);
      expect(r.stderr, args.join(' ')).toBe(`${error}\n`);
      expect(r.status).toBe(2);
    }
  });

  it('shows the optional values and the difference from minimega -e in the help', () => {
    const run = runMm(['run', '--help']).stdout;
    expect(run).toContain('--attach[=SOCKET]');
    expect(run).toContain('minimega -e differs: it exits 0 even when\ncommands fail');
    expect(runMm(['node', '--help']).stdout).toContain('--socket[=PATH]');
    expect(runMm(['repl', '--help']).stdout).toContain('--attach[=SOCKET]');
  });
});
