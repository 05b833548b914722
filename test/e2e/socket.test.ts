/**
 * End to end, with real processes: `mm node --socket` in a temporary
 * directory (one node per dialect, no network port), driven by a client
 * written from socket.md alone (test/helpers/spec-socket-client.mjs: Go-style
 * requests with LF, Python-style ones without), by `mm run --attach` and by
 * `mm repl --attach`; the socket file's life (refusal, pid file, cleanup on
 * SIGTERM and on `quit`); and `mm repl --socket` sharing its node with
 * socket clients. Waits for output lines and exits; never sleeps.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MM, runMmAsync, startMm, stopAll, type MmProcess } from '../helpers/mm-process.js';
import { repoRoot } from '../helpers/shared.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const built = existsSync(MM);
if (!built) console.warn('notice: dist/mm.cjs is missing; run `node scripts/build.mjs` for the socket end-to-end test');

const SPEC_CLIENT = join(repoRoot, 'test/helpers/spec-socket-client.mjs');
const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
const procs: MmProcess[] = [];

/** Runs the spec client; resolves with its printed frames (parsed) and exit status. */
function specClient(
  socket: string,
  style: 'go' | 'python',
  requests: string[],
): Promise<{ code: number | null; frames: Record<string, unknown>[]; raw: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SPEC_CLIENT, socket, style, ...requests], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('close', (code) => {
      const raw = out.split('\n').filter((l) => l !== '');
      resolve({ code, raw, frames: raw.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>) });
    });
  });
}

/** Starts `mm node --socket=DIR/` and waits until it listens. */
async function startSocketNode(dir: string, base: string, extra: string[] = []): Promise<{ proc: MmProcess; socket: string }> {
  const proc = startMm(['node', '--name', 'mm1', `--socket=${join(dir, base)}/`, ...extra], dir, procs);
  const m = await proc.waitFor(/^listening on unix:(\S+)$/m);
  return { proc, socket: m[1]! };
}

/** The socket inodes a process holds that are TCP sockets (Linux /proc; undefined elsewhere). */
function tcpSocketsOf(pid: number): number[] | undefined {
  if (!existsSync(`/proc/${pid}/fd`) || !existsSync('/proc/net/tcp')) return undefined;
  const inodes = new Set<number>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(Number(m[1]));
    } catch {
      // Closed meanwhile.
    }
  }
  const tcp: number[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const inode = Number(line.trim().split(/\s+/)[9]);
      if (inodes.has(inode)) tcp.push(inode);
    }
  }
  return tcp;
}

describe.skipIf(!built)('mm node --socket, real clients, mm run/repl --attach', () => {
  // Before the hooks below: made before the nodes start, removed after stopAll.
  const dir = suiteTempDir('mm-e2e-sock-');
  let n23: { proc: MmProcess; socket: string };
  let n31: { proc: MmProcess; socket: string };

  beforeAll(async () => {
    [n23, n31] = await Promise.all([startSocketNode(dir, 'b23'), startSocketNode(dir, 'b31', ['--dialect', '3.1'])]);
  }, 30_000);

  afterAll(() => stopAll(procs));

  it('listens on the socket only: mode 0600 in a 0700 directory, a pid file, no network port', () => {
    expect(n23.socket).toBe(join(dir, 'b23', 'minimega'));
    expect(statSync(n23.socket).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'b23')).mode & 0o777).toBe(0o700);
    expect(readFileSync(`${n23.socket}.pid`, 'utf8')).toBe(String(n23.proc.child.pid));
    expect(n23.proc.stdout).not.toContain('ws://');
    const tcp = tcpSocketsOf(n23.proc.child.pid!);
    if (tcp) expect(tcp).toEqual([]);
  });

  it('2.3: a client written from the spec drives the node with Go-style requests', async () => {
    const r = await specClient(n23.socket, 'go', [
      // The whole compiled command, as minimega 2.3's -e sends it (only Original is read).
      '{"Pattern":"vm launch kvm \\u003cvms\\u003e","Original":"vm launch kvm spec1","StringArgs":{"vms":"spec1"},"BoolArgs":{"kvm":true},"ListArgs":{},"Subcommand":null,"Record":true,"Source":""}',
      '{"Pattern":"","Original":".columns name,state vm info","StringArgs":null,"BoolArgs":null,"ListArgs":null,"Subcommand":null,"Record":false,"Source":""}',
      '{"Original":"vm start bar"}',
      '{"Original":"# a comment"}',
    ]);
    expect(r.code).toBe(0);
    expect(r.raw).toEqual([
      '{"Resp":[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":""}],"Rendered":"","More":false}',
      '{"Resp":[{"Host":"mm1","Response":"","Header":["name","state"],"Tabular":[["spec1","BUILDING"]],"Error":""}],"Rendered":"host | name  | state\\nmm1  | spec1 | BUILDING","More":false}',
      '{"Resp":[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":"vm not found: bar"}],"Rendered":"","More":false}',
      '{"Resp":null,"Rendered":"","More":false}',
    ]);
  });

  it("3.1: the Python bindings' requests (no LF), and completion, on a --dialect 3.1 node", async () => {
    const py = await specClient(n31.socket, 'python', ['version', 'echo hello world', 'vm start bar']);
    expect(py.code).toBe(0);
    // Python iterates Resp: version must answer with a non-empty one.
    expect((py.frames[0]!.Resp as unknown[]).length).toBe(1);
    expect(py.raw.slice(1)).toEqual([
      '{"Resp":[{"Host":"mm1","Response":"hello world","Header":null,"Tabular":null,"Error":"","Data":null}],"Rendered":"mm1: hello world","More":false,"Status":false}',
      '{"Resp":[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":"vm not found: bar","Data":null}],"Rendered":"","More":false,"Status":false}',
    ]);
    const go = await specClient(n31.socket, 'go', ['{"Command":"","Suggest":"vm inf","PlumbPipe":""}', '{"Command":"bogus","Suggest":"","PlumbPipe":""}']);
    expect(go.raw).toEqual([
      '{"Resp":null,"Rendered":"","More":false,"Status":false,"Suggest":["vm info "]}',
      '{"Resp":[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":"invalid command: `bogus`","Data":null}],"Rendered":"","More":false,"Status":false}',
    ]);
  });

  it('mm run --attach prints as minimega -e does, stops a file at a line that does not compile, and exits 1 when a command failed', async () => {
    writeFileSync(join(dir, 'a.mm'), 'vm launch kvm run1\n.annotate false\n.columns name vm info\nvm start nosuch\nbogus line\necho not reached\n');
    writeFileSync(join(dir, 'b.mm'), '# second file\n.annotate true\necho b\n');
    const r = await runMmAsync(['run', `--attach=${join(dir, 'b23')}`, 'a.mm', 'b.mm'], dir);
    expect(r.stdout).toBe('name\nrun1\nspec1\nmm1: b\n');
    expect(r.stderr).toBe('Error (mm1): vm not found: nosuch\na.mm:5: E: invalid command: `bogus line`\n');
    expect(r.code).toBe(1);
    const ok = await runMmAsync(['run', `--attach=${n23.socket}`, '--transcript', '-'], dir, 'echo fine\n# c\n\nvm start run1\n');
    expect(ok.stdout).toBe('## echo fine\nmm1: fine\n## # c\n\n## vm start run1\n');
    expect(ok.code).toBe(0);
  });

  it('mm run --attach --dialect 3.1 on the 3.1 node; the other dialect is a clear error naming both versions', async () => {
    const input = 'echo three one\nvm launch kvm e1\n.columns name,usb-use-xhci,vlan vm info\nbogus\n';
    const r = await runMmAsync(['run', `--attach=${n31.socket}`, '--dialect', '3.1', '-'], dir, input);
    // A 3.1 node runs 3.1's commands: its `vm info` has 3.1's columns (runtime-3.1.md 5.4).
    expect(r.stdout).toBe('mm1: three one\nhost | name | usb-use-xhci | vlan\nmm1  | e1   | true         | []\n');
    // A line that does not compile is answered with the node's error frame (decision 7).
    expect(r.stderr).toBe('Error (mm1): invalid command: `bogus`\n');
    expect(r.code).toBe(1);
    const mismatch = await runMmAsync(['run', `--attach=${n31.socket}`, '-'], dir, 'echo x\n');
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toBe(`mm run: the daemon at ${n31.socket} speaks minimega 3.1's socket protocol, not 2.3's: use --dialect 3.1\n`);
    const other = await runMmAsync(['run', `--attach=${n23.socket}`, '--dialect', '3.1', '-'], dir, 'echo x\n');
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(`mm run: the daemon at ${n23.socket} speaks minimega 2.3's socket protocol, not 3.1's: use --dialect 2.3\n`);
    const none = await runMmAsync(['run', `--attach=${join(dir, 'nothing')}`, '-'], dir, 'echo x\n');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`mm run: dial unix ${join(dir, 'nothing')}: connect: no such file or directory\n`);
  });

  it('mm repl --attach reads lines from a pipe and prints as minimega -attach does', async () => {
    for (const [node, dialect] of [
      [n23, '2.3'],
      [n31, '3.1'],
    ] as const) {
      const r = await runMmAsync(
        ['repl', `--attach=${node.socket}`, '--dialect', dialect],
        dir,
        'echo from repl\n\nvm start nosuch\ndisconnect\necho not sent\n',
      );
      expect(r.stdout, dialect).toMatch(/^(mm1: )?from repl\n$/);
      expect(r.stderr, dialect).toBe('Error (mm1): vm not found: nosuch\n');
      expect(r.code).toBe(0);
    }
  });

  it.skipIf(!hasPython)("mm repl --attach at a terminal: the 3.1 daemon's completion, the quit caution, history", async () => {
    const history = join(dir, 'history');
    const prompt = `minimega:${n31.socket}$ `;
    const steps = [
      { expect: "CAUTION: calling 'quit' will cause the minimega daemon to exit" },
      { expect: prompt },
      { send: 'ech\t' },
      { expect: 'echo ' },
      { send: 'tab done\r' },
      { expect: 'mm1: tab done' },
      { expect: prompt },
      { send: 'quit\r' },
      { expect: "If you really want to stop the minimega daemon, enter 'quit' again" },
      { expect: prompt },
      { send: 'vm start nosuch\r' },
      { expect: 'Error (mm1): vm not found: nosuch' },
      { send: '\x04' },
    ];
    const r = spawnSync(
      'python3',
      [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, MM, 'repl', `--attach=${n31.socket}`, '--dialect', '3.1'],
      {
        encoding: 'utf8',
        env: { ...process.env, MM_HISTORY: history },
        timeout: 60_000,
      },
    );
    expect(r.stdout).not.toContain('<<timeout');
    expect(r.status).toBe(0);
    expect(readFileSync(history, 'utf8')).toBe('echo tab done\nquit\nvm start nosuch\n');
    // The node is still there: the single quit was not sent.
    expect(n31.proc.child.exitCode).toBeNull();
  });

  it('refuses to start on a socket in use; mm node and mm repl remove the socket and pid file on SIGTERM', async () => {
    const second = await runMmAsync(['node', '--name', 'again', `--socket=${n23.socket}`], dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`mm node: ${n23.socket}: a minimega or mm node is already running there (--force replaces its socket)\n`);
    const extra = await startSocketNode(dir, 'term');
    extra.proc.child.kill('SIGTERM');
    expect(await extra.proc.exited).toBe(0);
    expect(existsSync(extra.socket)).toBe(false);
    expect(existsSync(`${extra.socket}.pid`)).toBe(false);
    const repl = startMm(['repl', '--name', 'r', `--socket=${join(dir, 'replterm')}/`], dir, procs);
    const socket = (await repl.waitFor(/serving the node on unix:(\S+)/, 'stderr'))[1]!;
    repl.child.kill('SIGTERM');
    expect(await repl.exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
  });

  it('`quit` through mm run --attach stops the node and removes its files', async () => {
    const extra = await startSocketNode(dir, 'quit', ['--dialect', '3.1']);
    const r = await runMmAsync(['run', `--attach=${extra.socket}`, '--dialect', '3.1', '-'], dir, 'echo bye\nquit\necho never\n');
    expect(r.stdout).toBe('mm1: bye\n');
    expect(r.code).toBe(0);
    expect(await extra.proc.exited).toBe(0);
    expect(existsSync(extra.socket)).toBe(false);
  });

  it("mm repl --socket: the REPL and socket clients share one node; a client's quit ends the REPL", async () => {
    const repl = startMm(['repl', '--name', 'console', `--socket=${join(dir, 'repl')}/`], dir, procs);
    const socket = (await repl.waitFor(/serving the node on unix:(\S+)/, 'stderr'))[1]!;
    repl.child.stdin!.write('vm launch kvm typed\n.alias hi=echo hello\necho ready\n');
    await repl.waitFor(/console: ready/);
    const r = await specClient(socket, 'go', ['{"Original":".columns name vm info"}', '{"Original":"hi"}', '{"Original":".annotate false"}']);
    expect(r.frames.map((f) => f.Rendered)).toEqual(['host    | name\nconsole | typed', 'console: hello', '']);
    repl.child.stdin!.write('echo flags are shared\n');
    await repl.waitFor(/^flags are shared$/m);
    const q = await specClient(socket, 'go', ['{"Original":"quit"}']);
    expect(q.raw).toEqual(['<closed>']);
    expect(await repl.exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
  });
});
