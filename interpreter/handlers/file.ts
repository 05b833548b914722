/**
 * `file`: the files directory as the simulated node sees it (decision 16):
 * host files in the node's files directory plus files simulated commands
 * made. `file get` fetches nothing and `file delete` leaves the host alone
 * (docs/simulator.md).
 */
import { createTable } from '../contracts/responses.js';
import { CommandError, bool, reply, str, type Handler } from './types.js';

const file: Handler = (ctx) => {
  const { node } = ctx;
  const files = node.files;
  if (bool(ctx, 'list')) {
    const entries = files.list(files.under(ctx.command.args.string.path ?? '/')) ?? [];
    const rows = entries.map((e) => [e.dir ? '<dir>' : '', e.name, String(e.size)]);
    return [[createTable(node.name, ['dir', 'name', 'size'], rows)]];
  }
  if (bool(ctx, 'get')) {
    // Other nodes' files are not fetched: a file is there when this node's files directory has it.
    if (!files.exists(files.under(str(ctx, 'file')))) throw new CommandError('file not found');
    return reply(ctx);
  }
  if (bool(ctx, 'delete')) {
    files.hide(files.under(str(ctx, 'file')));
    return reply(ctx);
  }
  return [[createTable(node.name, ['filename', 'temporary directory', 'completed parts', 'queued'], [])]];
};

export const fileHandlers: Record<string, Handler> = { file };
