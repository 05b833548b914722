/** `read <file> [check,]`: runs (or only compiles) a script's lines on this node. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileCached } from '../../language/compile-cached.js';
import { chainStartsWith, type Command } from '../../language/ast.js';
import { splitLines } from '../../language/text.js';
import { createError, type Batch } from '../contracts/responses.js';
import { goPathError } from '../os-error.js';
import { CommandError, bool, str, type Handler } from './types.js';

/** Whether the command or a nested command starts with `read`. */
export function mentionsRead(c: Command): boolean {
  return chainStartsWith(c, ['read']);
}

const read: Handler = async (ctx) => {
  const { node } = ctx;
  ctx.record = false;
  const file = str(ctx, 'file');
  let text: string;
  try {
    text = readFileSync(resolve(node.cwd, file), 'utf8');
  } catch (e) {
    throw new CommandError(goPathError('open', file, e));
  }
  const check = bool(ctx, 'check');
  const out: Batch[] = [];
  for (const line of splitLines(text)) {
    const r = compileCached(line, node.aliases);
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
    out.push(...(await ctx.run(r.command, { record, compiledRecord: record, source: ctx.options.source })));
    if (node.quitRequested) break;
  }
  return out;
};

export const readHandlers: Record<string, Handler> = { read };
