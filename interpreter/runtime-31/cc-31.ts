/**
 * 3.1's `cc` where it differs from 2.3 (runtime-3.1.md §7.5, §10.10): `cc`
 * alone is `clients`, the filter listing is `uuid | hostname | arch | os |
 * ip | mac | tags`, `cc exec|exec-once|background|background-once` strip the
 * leading `stdin=`/`stdout=`/`stderr=` words, and `cc commands` names its
 * first column `id`; `clear cc` alone also forgets the mounts. The rest is
 * 2.3's bookkeeping.
 */
import { createTable } from '../contracts/responses.js';
import { handlerFor } from '../handlers/registry.js';
import { CommandError, bool, ccOf, list, reply, type Handler } from '../handlers/types.js';
import { ccFilterTags } from '../state/cc.js';
import { adapt23 } from './renamed-args-31.js';

const cc23 = adapt23('cc', handlerFor('cc'));
const STDIO = /^(?:stdin|stdout|stderr)=/;

/** The command without its leading stdio words (at most three); the pipes travel with it, unused here. */
function stripStdio(words: readonly string[]): string[] {
  let i = 0;
  while (i < 3 && i < words.length && STDIO.test(words[i]!)) i++;
  return words.slice(i);
}

const cc: Handler = async (ctx) => {
  const state = ccOf(ctx);
  const b = (k: string): boolean => bool(ctx, k);
  if (Object.keys(ctx.command.args.bool).length === 0) return [[createTable(ctx.node.name, ['clients'], [['0']])]];
  if (b('exec') || b('exec-once') || b('background') || b('background-once')) {
    const words = list(ctx, 'command');
    const command = stripStdio(words);
    // 3.1.0 crashes on fewer than three words that are all stdio pairs (§10.14).
    if (command.length === 0 && words.length < 3) throw new CommandError(`cc: \`${ctx.command.original}\` names pipes but no command`);
    state.add(ctx.ns, { command, background: b('background') || b('background-once'), send: [], recv: [] });
    return reply(ctx);
  }
  if (b('filter') && list(ctx, 'filter').length === 0) {
    const f = state.filter;
    if (!f) return reply(ctx);
    return [
      [createTable(ctx.node.name, ['uuid', 'hostname', 'arch', 'os', 'ip', 'mac', 'tags'], [[f.uuid, f.hostname, f.arch, f.os, f.ip, f.mac, ccFilterTags(f)]])],
    ];
  }
  const batches = await cc23(ctx);
  if (!b('commands')) return batches;
  return batches.map((batch) => batch.map((r) => (r.header ? { ...r, header: r.header.map((h) => (h === 'ID' ? 'id' : h)) } : r)));
};

const clearCc23 = handlerFor('clear cc');

/** `clear cc` alone also unmounts the namespace's cc mounts (runtime-3.1.md §7.5). */
const clearCc: Handler = (ctx) => {
  if (Object.keys(ctx.command.args.bool).length === 0) ccOf(ctx).mounts.clear();
  return clearCc23(ctx);
};

export const ccHandlers31: Record<string, Handler> = { cc, 'clear cc': clearCc };
