/** `echo`, `history`, `clear history`, `write`, `version`, `quit`, `shell`, `background`. */
import { execFile, spawn } from 'node:child_process';
import { goAtoi, atoiError, VERSION } from '../../language/index.js';
import { CommandError, list, reply, str, type Handler } from './types.js';
import { writeHostFile } from './host-files.js';

const echo: Handler = (ctx) => reply(ctx, list(ctx, 'args').join(' '));

const history: Handler = (ctx) => reply(ctx, ctx.node.historyEntries().join('\n'));

const clearHistory: Handler = (ctx) => {
  ctx.node.history = [];
  ctx.record = false;
  return reply(ctx);
};

const write: Handler = (ctx) => {
  writeHostFile(ctx, str(ctx, 'file'), ctx.node.historyEntries().join('\n'));
  return reply(ctx);
};

const version: Handler = (ctx) => reply(ctx, `minimega 2.3 (simulated by mm ${VERSION})`);

const quit: Handler = (ctx) => {
  const delay = ctx.command.args.string.delay;
  if (delay !== undefined) {
    if (goAtoi(delay) === undefined) throw new CommandError(atoiError(delay));
    ctx.node.quitRequested = true;
    return reply(ctx, `quitting after ${delay} seconds`);
  }
  ctx.node.quitRequested = true;
  return [];
};

/** Refuses to run a host program unless the node was started with `--allow-shell` (decision 9). */
export function requireShell(ctx: Parameters<Handler>[0], what: string): void {
  if (!ctx.node.allowShell) {
    throw new CommandError(`${what}: running host programs is disabled (start mm with --allow-shell to enable it)`);
  }
}

// Asynchronous, so a long program does not stop the node's mesh heartbeats.
const shell: Handler = (ctx) => {
  requireShell(ctx, 'shell');
  const [prog, ...args] = list(ctx, 'command');
  return new Promise((resolveRun, reject) => {
    execFile(prog!, args, { cwd: ctx.node.cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const out = stdout + stderr;
      const e = err as (NodeJS.ErrnoException & { code?: string | number }) | null;
      if (e && typeof e.code === 'string') reject(new CommandError(`exec: ${e.message}`));
      else if (e) reject(new CommandError(`${out}exit status ${e.code ?? 'signal'}`.trim()));
      else resolveRun(reply(ctx, out));
    });
  });
};

const background: Handler = (ctx) => {
  requireShell(ctx, 'background');
  const [prog, ...args] = list(ctx, 'command');
  const child = spawn(prog!, args, { cwd: ctx.node.cwd, detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return reply(ctx);
};

export const miscHandlers: Record<string, Handler> = {
  echo,
  history,
  'clear history': clearHistory,
  write,
  version,
  quit,
  shell,
  background,
};
