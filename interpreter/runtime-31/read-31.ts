/**
 * 3.1's `read <file> [check,]` (runtime-3.1.md §7.3): each line runs as
 * `namespace "<R>" <line>`, where R starts as the command's namespace and
 * follows the file's own `namespace <name>` lines (which run as typed and
 * switch the node for good); a line that does not compile stops the file
 * with `<file>:<line> <error>`.
 */
import { basename } from 'node:path';
import { commandChain, goQuote, splitLines, type Command } from '../../language/index.js';
import { createError, type Batch } from '../contracts/responses.js';
import { readHostFile } from '../handlers/host-files.js';
import { mentionsRead } from '../handlers/read.js';
import { CommandError, bool, str, type Handler } from '../handlers/types.js';
import { MESHAGE } from './mesh-31.js';

/** The namespace a line switches the node to, when its innermost command is a bare `namespace <name>`. */
function switchesTo(c: Command): string | undefined {
  const inner = [...commandChain(c)].pop()!;
  if (inner.handler.role !== 'namespace' || inner.items.some((i) => i.type === 'command')) return undefined;
  return inner.args.string.name;
}

const read: Handler = async (ctx) => {
  const { node } = ctx;
  if (ctx.options.source === MESHAGE) throw new CommandError(`cannot run \`${ctx.command.original}\` via meshage`);
  ctx.record = false;
  const file = str(ctx, 'file');
  const text = readHostFile(ctx, file);
  const name = basename(file);
  const check = bool(ctx, 'check');
  const out: Batch[] = [];
  let ns = ctx.ns;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const r = node.language.compile(lines[i]!);
    if (r.kind === 'empty' || r.kind === 'comment') continue;
    const stop = (error: string): Batch[] => [...out, [createError(node.name, `${name}:${i + 1} ${error}`)]];
    if (r.kind === 'lexError' || r.kind === 'noMatch') return stop(r.error);
    if (mentionsRead(r.command)) return stop('cannot run nested `read` commands');
    if (check) continue;
    const target = switchesTo(r.command);
    let command = r.command;
    if (target === undefined) {
      const tagged = node.language.compile(`namespace ${goQuote(ns)} ${lines[i]!.trim()}`);
      if (tagged.kind !== 'command') return stop(tagged.kind === 'lexError' || tagged.kind === 'noMatch' ? tagged.error : 'invalid command');
      command = tagged.command;
    }
    const record = node.flags.record;
    out.push(...(await ctx.run(command, { ...ctx.options, record, compiledRecord: record })));
    if (target !== undefined) ns = target;
    if (node.quitRequested) break;
  }
  return out;
};

export const readHandlers31: Record<string, Handler> = { read };
