/**
 * The fuzz driver, run in a child process (bundled by `harness.ts`) so the
 * harness can give every input a deadline and kill a driver that hangs.
 * Reads one JSON request a line on stdin (`{ target, text }`), answers one
 * JSON line on stdout (`{ ok }` or `{ ok: false, error }`).
 *
 * Every file write the process attempts outside MM_FUZZ_DIR is refused and
 * reported: what the fuzzer runs must never touch the machine.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { createLanguageService } from '../../language/index.js';
import { createEmbeddedCluster, type EmbeddedCluster } from '../../interpreter/cluster.js';
import { createNodeInbox } from '../../interpreter/node-inbox.js';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import type { NodeInbox } from '../../interpreter/contracts/delivery.js';

const root = resolve(process.env.MM_FUZZ_DIR ?? '/nonexistent');
const escapes: string[] = [];

/** Refuses (and records) writes outside the fuzz directory, whichever fs function makes them. */
function guardWrites(): void {
  const inside = (p: unknown): boolean => {
    if (typeof p !== 'string' && !(p instanceof URL) && !Buffer.isBuffer(p)) return true; // a file descriptor: opened through a guarded call
    const abs = resolve(String(p instanceof URL ? p.pathname : p));
    return abs === root || abs.startsWith(root + sep);
  };
  const deny = (name: string, p: unknown): never => {
    escapes.push(`${name} ${String(p)}`);
    const e = new Error(`EACCES: the fuzzer may not write ${String(p)}`) as NodeJS.ErrnoException;
    e.code = 'EACCES';
    throw e;
  };
  const writing = (flags: unknown): boolean => (typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & 3) !== 0);
  const f = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  const wrap = (name: string, isWrite: (a: unknown[]) => boolean = () => true): void => {
    const orig = f[name]!;
    f[name] = (...a: unknown[]) => (isWrite(a) && !inside(a[0]) ? deny(name, a[0]) : orig.apply(fs, a));
  };
  for (const n of [
    'writeFileSync',
    'appendFileSync',
    'mkdirSync',
    'rmSync',
    'rmdirSync',
    'unlinkSync',
    'renameSync',
    'copyFileSync',
    'symlinkSync',
    'truncateSync',
    'chmodSync',
    'writeFile',
    'appendFile',
    'mkdir',
    'rm',
    'unlink',
    'rename',
  ])
    wrap(n);
  wrap('openSync', (a) => writing(a[1]));
  wrap('open', (a) => writing(a[1]));
  wrap('createWriteStream');
  const p = fs.promises as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const n of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename']) {
    const orig = p[n]!;
    p[n] = async (...a: unknown[]) => {
      if (!inside(a[0])) deny(n, a[0]);
      return orig.apply(fs.promises, a);
    };
  }
  syncBuiltinESMExports();
}

/** A node (or a cluster's head) and its inbox, renewed now and then so state stays small. */
class Target<T> {
  private made = 0;
  private current: { inbox: NodeInbox; head: SimNode; owner: T } | undefined;
  constructor(
    private readonly make: () => { head: SimNode; owner: T },
    private readonly dispose: (owner: T) => Promise<void>,
  ) {}

  /** Runs a line; resolves with an internal error the node reported, or "". */
  async line(text: string): Promise<string> {
    if (!this.current || this.current.head.quitRequested || ++this.made % 40 === 0) {
      if (this.current) await this.dispose(this.current.owner);
      const { head, owner } = this.make();
      this.current = { head, owner, inbox: createNodeInbox(head) };
    }
    // The way a client's line arrives: what a fuzzed line may open is what a client may.
    const report = await this.current.inbox.line(text);
    // Handlers' exceptions come back as `internal error: ...` responses: for the fuzzer, crashes.
    for (const b of report.outcome.batches) for (const r of b) if (r.error.includes('internal error')) return r.error;
    return '';
  }
}

const nodeOptions = { cwd: root, allowShell: false, env: { HOME: root }, files: { hostDir: resolve(root, 'files') } };
const single = new Target<null>(
  () => ({ head: createNode({ name: 'fz', ...nodeOptions }), owner: null }),
  async () => undefined,
);
const cluster = new Target<EmbeddedCluster>(
  () => {
    const c = createEmbeddedCluster(['fz1', 'fz2', 'fz3'], nodeOptions);
    return { head: c.nodes[0]!, owner: c };
  },
  (c) => c.close(),
);

const { checkScript, parseScript } = createLanguageService();

/** Runs one input; resolves with what went wrong, or "". */
async function run(target: string, text: string): Promise<string> {
  switch (target) {
    case 'parse':
      parseScript(text);
      return '';
    case 'check': {
      const { script } = parseScript(text);
      checkScript(script, { fileExists: () => false });
      return '';
    }
    case 'node':
      return single.line(text);
    case 'cluster':
      return cluster.line(text);
    default:
      throw new Error(`unknown target ${target}`);
  }
}

guardWrites();
const rl = createInterface({ input: process.stdin });
let queue = Promise.resolve();
rl.on('line', (l) => {
  queue = queue.then(async () => {
    const { target, text } = JSON.parse(l) as { target: string; text: string };
    let answer: { ok: boolean; error?: string };
    try {
      const failed = await run(target, text);
      if (escapes.length) answer = { ok: false, error: `wrote outside the fuzz directory: ${escapes.splice(0).join('; ')}` };
      else answer = failed ? { ok: false, error: failed } : { ok: true };
    } catch (e) {
      answer = { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
});
