/** `echo`, `history`, `clear history`, `write`, `version`, `quit`, `shell`, `background`. */
import { writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { goAtoi, atoiError } from '../../language/text.js';
import { VERSION } from '../cli/version.js';
import { CommandError, list, reply, str, type Handler } from './types.js';

const echo: Handler = (ctx) => reply(ctx, list(ctx, 'args').join(' '));

const history: Handler = (ctx) => reply(ctx, ctx.node.historyEntries().join('\n'));

const clearHistory: Handler = (ctx) => {
  ctx.node.history = [];
  ctx.record = false;
  return reply(ctx);
};

const write: Handler = (ctx) => {
  const file = resolve(ctx.node.cwd, str(ctx, 'file'));
  try {
    writeFileSync(file, ctx.node.historyEntries().join('\n'));
  } catch (e) {
    throw new CommandError(`open ${str(ctx, 'file')}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
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

function requireShell(ctx: Parameters<Handler>[0], what: string): void {
  if (!ctx.node.allowShell) {
    throw new CommandError(`${what}: running host programs is disabled (start mm with --allow-shell to enable it)`);
  }
}

const shell: Handler = (ctx) => {
  requireShell(ctx, 'shell');
  const [prog, ...args] = list(ctx, 'command');
  const r = spawnSync(prog!, args, { cwd: ctx.node.cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new CommandError(`exec: ${r.error.message}`);
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  if (r.status !== 0) throw new CommandError(`${out}exit status ${r.status ?? 'signal'}`.trim());
  return reply(ctx, out);
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
