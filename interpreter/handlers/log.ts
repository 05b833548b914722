/**
 * The `log` family: where and how much minimega logs. The simulated node
 * writes no log; it records the settings and prints them back (a log file
 * is never opened, syslog never contacted).
 */
import { createLogSettings } from '../state/host-settings.js';
import { bool, reply, type Handler } from './types.js';

const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;

const level: Handler = (ctx) => {
  const l = LEVELS.find((x) => bool(ctx, x));
  if (l === undefined) return reply(ctx, ctx.node.hardware.log.level);
  ctx.node.hardware.log.level = l;
  return reply(ctx);
};

const stderr: Handler = (ctx) => {
  const log = ctx.node.hardware.log;
  if (bool(ctx, 'true')) log.stderr = true;
  else if (bool(ctx, 'false')) log.stderr = false;
  else return reply(ctx, String(log.stderr));
  return reply(ctx);
};

const file: Handler = (ctx) => {
  const f = ctx.command.args.string.file;
  if (f === undefined) return reply(ctx, ctx.node.hardware.log.file);
  ctx.node.hardware.log.file = f;
  return reply(ctx);
};

const filter: Handler = (ctx) => {
  const f = ctx.command.args.string.filter;
  const filters = ctx.node.hardware.log.filters;
  if (f === undefined) return reply(ctx, filters.join('\n'));
  if (!filters.includes(f)) filters.push(f);
  return reply(ctx);
};

const syslog: Handler = (ctx) => {
  const log = ctx.node.hardware.log;
  log.syslog = bool(ctx, 'local') ? 'local' : `remote ${bool(ctx, 'tcp') ? 'tcp' : 'udp'} ${ctx.command.args.string.address ?? ''}`;
  return reply(ctx);
};

const clear: Handler = (ctx) => {
  const log = ctx.node.hardware.log;
  const d = createLogSettings();
  const all = Object.keys(ctx.command.args.bool).length === 0;
  if (all) ctx.node.hardware.log = d;
  else if (bool(ctx, 'file')) log.file = d.file;
  else if (bool(ctx, 'level')) log.level = d.level;
  else if (bool(ctx, 'stderr')) log.stderr = d.stderr;
  else if (bool(ctx, 'filter')) log.filters.length = 0;
  else log.syslog = d.syslog;
  return reply(ctx);
};

export const logHandlers: Record<string, Handler> = {
  'log level': level,
  'log stderr': stderr,
  'log file': file,
  'log filter': filter,
  'log syslog': syslog,
  'clear log': clear,
};
