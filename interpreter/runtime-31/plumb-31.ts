/** `plumb`, `pipe`, `clear plumb`, `clear pipe` (runtime-3.1.md §10.2-10.7) on the node's plumber. */
import { createTable } from '../contracts/responses.js';
import { CommandError, bool, list, reply, str, type Handler } from '../handlers/types.js';
import { qualify, type PipeMode } from './plumber-31.js';

const plumb: Handler = (ctx) => {
  const err = ctx.node.plumber.plumb(ctx.ns, [str(ctx, 'src'), ...list(ctx, 'dst')]);
  if (err !== '') throw new CommandError(err);
  return reply(ctx);
};

/** Names that belong to the namespace: containing `<ns>//` anywhere (the substring quirk of §10.3). */
const mine = (ns: string, name: string): boolean => name.includes(`${ns}//`);

const listPlumb: Handler = (ctx) => {
  const rows = [...ctx.node.plumber.pipelines.keys()].filter((n) => mine(ctx.ns, n)).map((n) => [n]);
  return [[createTable(ctx.node.name, ['pipeline'], rows)]];
};

const clearPlumb: Handler = (ctx) => {
  const plumber = ctx.node.plumber;
  const words = list(ctx, 'pipeline');
  if (words.length === 0) {
    for (const n of [...plumber.pipelines.keys()]) plumber.teardown(n);
    return reply(ctx);
  }
  if (!plumber.teardown(words.join(' '))) throw new CommandError(`no such pipeline: [${words.join(' ')}]`);
  return reply(ctx);
};

const MODES: readonly PipeMode[] = ['all', 'round-robin', 'random'];

/** `pipe` (the listing), `pipe <p> mode <m>`, `pipe <p> log <b>`. */
const pipe: Handler = (ctx) => {
  const { node, ns } = ctx;
  const name = ctx.command.args.string.pipe;
  if (name === undefined) {
    const rows = [...node.plumber.pipes.values()]
      .filter((p) => mine(ns, p.name))
      .map((p) => [p.name, p.mode, String(p.readers.length), String(p.writers), String(p.count), p.via.join(' '), p.previous.trim()]);
    return [[createTable(node.name, ['name', 'mode', 'readers', 'writers', 'count', 'via', 'previous'], rows)]];
  }
  const p = node.plumber.pipe(qualify(ns, name));
  if (bool(ctx, 'mode')) p.mode = MODES.find((m) => bool(ctx, m)) ?? p.mode;
  else if (bool(ctx, 'log')) p.log = bool(ctx, 'true');
  return reply(ctx);
};

/** `pipe <p> <data>` and `pipe <p> via <command>...`. */
const pipeWrite: Handler = (ctx) => {
  const { node, ns } = ctx;
  const name = qualify(ns, str(ctx, 'pipe'));
  if (bool(ctx, 'via')) {
    node.plumber.pipe(name).via = [...list(ctx, 'command')];
    return reply(ctx);
  }
  node.plumber.write(name, str(ctx, 'data'), node.random);
  return reply(ctx);
};

const clearPipe: Handler = (ctx) => {
  const { node, ns } = ctx;
  const plumber = node.plumber;
  const name = ctx.command.args.string.pipe;
  if (name === undefined) {
    for (const n of [...plumber.pipes.keys()].sort()) {
      const err = plumber.deletePipe(n);
      if (err !== '') throw new CommandError(err);
    }
    return reply(ctx);
  }
  const full = qualify(ns, name);
  if (bool(ctx, 'mode') || bool(ctx, 'log') || bool(ctx, 'via')) {
    const p = plumber.pipe(full);
    if (bool(ctx, 'mode')) p.mode = 'all';
    if (bool(ctx, 'log')) p.log = false;
    if (bool(ctx, 'via')) p.via = [];
    return reply(ctx);
  }
  const err = plumber.deletePipe(full);
  if (err !== '') throw new CommandError(err);
  return reply(ctx);
};

export const plumbHandlers31: Record<string, Handler> = {
  plumb,
  'plumb#2': listPlumb,
  'clear plumb': clearPlumb,
  pipe,
  'pipe#2': pipeWrite,
  'clear pipe': clearPipe,
};
