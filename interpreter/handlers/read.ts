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
  const file = str(ctx, 'file');
  const text = readHostFile(ctx, file);
  const check = bool(ctx, 'check');
  const out: Batch[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const at = { file, line: i };
    const r = node.language.compile(lines[i]!, node.aliases);
    if (r.kind === 'empty' || r.kind === 'comment') continue;
    if (r.kind === 'lexError' || r.kind === 'noMatch') {
      out.push([{ ...createError(node.name, r.error), readAt: at }]);
      return out;
    }
    if (mentionsRead(r.command)) {
      out.push([{ ...createError(node.name, 'cannot run nested `read` commands'), readAt: at }]);
      return out;
    }
    if (check) continue;
    const record = node.flags.record;
    const batches = await ctx.run(r.command, { ...ctx.options, record, compiledRecord: record });
    for (const batch of batches) for (const response of batch) if (response.error !== '') response.readAt ??= at;
    out.push(...batches);
    if (node.quitRequested) break;
  }
  return out;
};

export const readHandlers: Record<string, Handler> = { read };
