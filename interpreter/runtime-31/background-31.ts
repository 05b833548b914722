/**
 * 3.1's `background` family (catalog-3.1.json, runtime-3.1.md §2.2: raw,
 * this node only): `background` starts a host program (only with
 * `--allow-shell`, decision 9) and prints its id; `background-status`,
 * `background-output` and `background-error` read what the node kept;
 * `clear background-status` forgets the programs that ended.
 */
import { spawn } from 'node:child_process';
import { atoiError, goAtoi } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { requireShell } from '../handlers/misc.js';
import { CommandError, list, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';
import type { BackgroundProgram } from '../state/background.js';

const background: Handler = (ctx) => {
  requireShell(ctx, 'background');
  const command = list(ctx, 'command');
  const p = ctx.node.hardware.background.add(command);
  const [prog, ...args] = command;
  const child = spawn(prog!, args, { cwd: ctx.node.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', (c: string) => p.write('stdout', c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => p.write('stderr', c));
  child.on('error', (e) => p.end(`exec: ${e.message}`));
  // 'close' comes after both streams ended, so the output is complete.
  child.on('close', (code, signal) => p.end(signal ? `signal ${signal}` : code === 0 ? 'exited' : `exit status ${code}`));
  // A program left running does not keep `mm` alive.
  child.unref();
  for (const s of [child.stdout, child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
  return reply(ctx, String(p.id));
};

/** The program an `<id>` names. */
function program(ctx: HandlerContext, what: string): BackgroundProgram {
  const text = str(ctx, 'id');
  const id = goAtoi(text);
  if (id === undefined) throw new CommandError(atoiError(text));
  const p = ctx.node.hardware.background.get(Number(id));
  if (!p) throw new CommandError(`${what}: no background program with id ${id}`);
  return p;
}

const status: Handler = (ctx) => {
  const programs = ctx.command.args.string.id === undefined ? ctx.node.hardware.background.all() : [program(ctx, 'background-status')];
  const rows = programs.map((p) => [String(p.id), p.command.join(' '), p.status]);
  return [[createTable(ctx.node.name, ['id', 'command', 'status'], rows.length ? rows : null)]];
};

/** `background-output` / `background-error`: a stream of a program that has ended. */
function output(what: string, stream: 'stdout' | 'stderr'): Handler {
  return (ctx) => {
    const p = program(ctx, what);
    if (p.status === 'running') throw new CommandError(`${what}: background program ${p.id} is still running`);
    return reply(ctx, p[stream]);
  };
}

const clear: Handler = (ctx) => {
  ctx.node.hardware.background.clearEnded();
  return reply(ctx);
};

export const backgroundHandlers31: Record<string, Handler> = {
  background,
  'background-status': status,
  'background-output': output('background-output', 'stdout'),
  'background-error': output('background-error', 'stderr'),
  'clear background-status': clear,
};
