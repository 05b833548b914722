/**
 * `cc` and `clear cc`: command and control of the miniccc
 * agents in VMs. A simulated VM runs no agent, so there are no clients and
 * no responses; the filter, the prefix and the commands are kept exactly as
 * 2.3 keeps them.
 */
import { atoiError, goAtoi } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { ccFilterTags, describeCcFilter, parseCcFilter, type CcState } from '../state/cc.js';
import { globFiles } from '../glob.js';
import { goList } from '../vm-config-state.js';
import { CommandError, bool, list, reply, str, type Handler, type HandlerContext } from './types.js';
import { oneVm } from './vm-lookup.js';

const RESPONSES_DIR = 'miniccc_responses';

function table(ctx: HandlerContext, header: string[], rows: string[][]): ReturnType<Handler> {
  return [[createTable(ctx.node.name, header, rows)]];
}

function clients(ctx: HandlerContext): ReturnType<Handler> {
  const header = ['UUID', 'hostname', 'arch', 'OS', 'IP', 'MAC'];
  if (ctx.ns === '') header.push('namespace');
  return table(ctx, header, []);
}

function filter(ctx: HandlerContext, cc: CcState): ReturnType<Handler> {
  const items = list(ctx, 'filter');
  if (items.length === 0) {
    const f = cc.filter;
    if (!f) return reply(ctx);
    return table(ctx, ['UUID', 'hostname', 'arch', 'OS', 'IP', 'MAC', 'Tags'], [[f.uuid, f.hostname, f.arch, f.os, f.ip, f.mac, ccFilterTags(f)]]);
  }
  const f = parseCcFilter(items);
  if (typeof f === 'string') throw new CommandError(f);
  cc.filter = f;
  return reply(ctx);
}

/** `cc send`: each name, relative to the files directory, must match files there. */
function sendFiles(ctx: HandlerContext): string[] {
  const files = ctx.node.files;
  const out: string[] = [];
  for (const f of list(ctx, 'file')) {
    const path = files.resolve(f);
    if (!path.startsWith(files.path)) throw new CommandError(`can only send files from ${files.path}`);
    const matches = globFiles(files, path);
    if (matches === undefined) throw new CommandError(`non-existent files ${path}`);
    if (matches.length === 0) throw new CommandError(`no such file ${path}`);
    out.push(...matches);
  }
  return out;
}

function commands(ctx: HandlerContext, cc: CcState): ReturnType<Handler> {
  const ns = ctx.ns;
  const rows = cc.commands
    .filter((c) => ns === '' || c.namespace === ns)
    .map((c) => [
      String(c.id),
      c.prefix,
      goList(c.command),
      '0',
      String(c.background),
      goList(c.send),
      goList(c.recv),
      describeCcFilter(c.filter, c.namespace),
    ]);
  return table(ctx, ['ID', 'prefix', 'command', 'responses', 'background', 'send files', 'receive files', 'filter'], rows);
}

function responses(ctx: HandlerContext, cc: CcState): ReturnType<Handler> {
  const id = str(ctx, 'id');
  if (id === 'all') return reply(ctx);
  const dir = (n: string | number): string => `no such response dir ${ctx.node.files.under(RESPONSES_DIR)}/${n}`;
  if (goAtoi(id) !== undefined) throw new CommandError(dir(id));
  const ids = cc.prefixIds(id);
  if (ids.length > 0) throw new CommandError(dir(ids[0]!));
  throw new CommandError(`no such prefix ${id}`);
}

function deleteCommand(ctx: HandlerContext, cc: CcState): void {
  const id = str(ctx, 'id');
  const ns = ctx.ns;
  if (id === 'all') return clearCommands(cc, ns);
  // A known prefix is tried before an integer.
  if (cc.prefixIds(id).length > 0) {
    cc.commands = cc.commands.filter((c) => c.prefix !== id || (ns !== '' && c.namespace !== ns));
    return;
  }
  const n = goAtoi(id);
  if (n === undefined) throw new CommandError(`no such id or prefix ${id}`);
  const c = cc.commands.find((x) => BigInt(x.id) === n);
  if (!c) throw new CommandError(`cc delete unknown command ${id}`);
  if (ns !== '' && c.namespace !== ns) throw new CommandError('cc command not part of active namespace');
  cc.commands = cc.commands.filter((x) => x !== c);
}

function deleteResponse(ctx: HandlerContext, cc: CcState): void {
  const id = str(ctx, 'id');
  // With no agents there are no responses: a prefix or an id deletes nothing, silently.
  if (id === 'all' || goAtoi(id) !== undefined || cc.prefixIds(id).length > 0) return;
  throw new CommandError(`no such id or prefix ${id}`);
}

function clearCommands(cc: CcState, ns: string): void {
  if (ns === '') {
    cc.commands = [];
    cc.nextId = 1;
  } else cc.commands = cc.commands.filter((c) => c.namespace !== ns);
}

function integer(text: string, what: 'src' | 'dst'): void {
  if (goAtoi(text) === undefined) throw new CommandError(`non-integer ${what}: ${text} : ${atoiError(text)}`);
}

const cc: Handler = (ctx) => {
  const { node } = ctx;
  const state = node.hardware.cc;
  const ns = ctx.ns;
  const add = (c: Parameters<CcState['add']>[1]): ReturnType<Handler> => {
    state.add(ns, c);
    return reply(ctx);
  };
  const b = (k: string): boolean => bool(ctx, k);
  if (b('clients')) return clients(ctx);
  if (b('prefix')) {
    const p = ctx.command.args.string.prefix;
    if (p === undefined) return reply(ctx, state.prefix);
    state.prefix = p;
    return reply(ctx);
  }
  if (b('filter')) return filter(ctx, state);
  if (b('exec') || b('background')) return add({ command: list(ctx, 'command'), background: b('background'), send: [], recv: [] });
  if (b('recv')) return add({ command: [], background: false, send: [], recv: list(ctx, 'file') });
  if (b('send')) return add({ command: [], background: false, send: sendFiles(ctx), recv: [] });
  if (b('process')) {
    if (b('list')) {
      if (str(ctx, 'vm') === 'all') return table(ctx, ['name', 'uuid', 'pid', 'command'], []);
      throw new CommandError(`no client with uuid: ${oneVm(ctx).uuid}`);
    }
    const pid = str(ctx, 'pid');
    if (b('kill') && pid !== 'all' && goAtoi(pid) === undefined) throw new CommandError(atoiError(pid));
    return add({ command: [], background: false, send: [], recv: [] });
  }
  if (b('commands')) return commands(ctx, state);
  if (b('responses')) return responses(ctx, state);
  if (b('delete')) {
    if (b('command')) deleteCommand(ctx, state);
    else deleteResponse(ctx, state);
    return reply(ctx);
  }
  if (b('tunnel') || b('rtunnel')) {
    integer(str(ctx, 'src'), 'src');
    integer(str(ctx, 'dst'), 'dst');
    if (b('tunnel')) throw new CommandError(`no such client: ${str(ctx, 'uuid')}`);
    return reply(ctx);
  }
  return table(ctx, ['number of clients'], [['0']]);
};

const clearCc: Handler = (ctx) => {
  const state = ctx.node.hardware.cc;
  const all = Object.keys(ctx.command.args.bool).length === 0;
  if (all || bool(ctx, 'filter')) state.filter = undefined;
  if (all || bool(ctx, 'prefix')) state.prefix = '';
  if (all || bool(ctx, 'commands')) clearCommands(state, ctx.ns);
  // Responses: with no agents there are none to remove.
  return reply(ctx);
};

export const ccHandlers: Record<string, Handler> = {
  cc,
  'clear cc': clearCc,
};
