/** `read <file> [check,]`: runs (or only compiles) a script's lines on this node. */
import { chainStartsWith, type Command, splitLines } from '../../language/index.js';
import { createError, type Batch } from '../contracts/responses.js';
import { bool, str, type Handler } from './types.js';
import { readHostFile } from './host-files.js';

/** Whether the command or a nested command starts with `read`. */
export function mentionsRead(c: Command): boolean {
  return chainStartsWith(c, ['read']);
}

const read: Handler = async (ctx) => {
  const { node } = ctx;
  ctx.record = false;
  const text = readHostFile(ctx, str(ctx, 'file'));
  const check = bool(ctx, 'check');
  const out: Batch[] = [];
  for (const line of splitLines(text)) {
    const r = node.language.compile(line, node.aliases);
    if (r.kind === 'empty' || r.kind === 'comment') continue;
    if (r.kind === 'lexError' || r.kind === 'noMatch') {
      out.push([createError(node.name, r.error)]);
      return out;
    }
    if (mentionsRead(r.command)) {
      out.push([createError(node.name, 'cannot run nested `read` commands')]);
      return out;
    }
    if (check) continue;
    const record = node.flags.record;
    out.push(...(await ctx.run(r.command, { ...ctx.options, record, compiledRecord: record })));
    if (node.quitRequested) break;
  }
  return out;
};

export const readHandlers: Record<string, Handler> = { read };
