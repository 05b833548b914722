/**
 * The disk commands 3.1 added (`disk commit`, `disk resize`, `disk rebase`,
 * `disk set-backing`), kept as bookkeeping on the images the simulator
 * records, like 2.3's `disk` (docs/simulator.md, commands without facts).
 */
import { existingImage, SIZE } from '../handlers/disk.js';
import { CommandError, bool, reply, str, type Handler } from '../handlers/types.js';

/** `disk commit <image>`: writes a snapshot into its backing image; nothing recorded changes. */
const commit: Handler = (ctx) => {
  existingImage(ctx);
  return reply(ctx);
};

/** `disk resize <image> <size>`: records the new size. */
const resize: Handler = (ctx) => {
  const path = existingImage(ctx);
  const size = str(ctx, 'size');
  if (!SIZE.test(size)) throw new CommandError(`invalid size: ${size}`);
  const images = ctx.node.hardware.images;
  images.set(path, { format: images.get(path)?.format ?? 'qcow2', backing: images.get(path)?.backing ?? '', size });
  return reply(ctx);
};

/** `disk rebase|set-backing <image> [backing file]`: records the new backing image (none without one). */
const rebase: Handler = (ctx) => {
  const path = existingImage(ctx);
  const backing = ctx.command.args.string.backing;
  const images = ctx.node.hardware.images;
  const old = images.get(path);
  images.set(path, { format: old?.format ?? 'qcow2', size: old?.size ?? '', backing: backing ? ctx.node.files.resolve(backing) : '' });
  return reply(ctx);
};

export const diskHandlers31: Record<string, Handler> = {
  'disk commit': commit,
  'disk resize': resize,
  disk: (ctx) => (bool(ctx, 'rebase') || bool(ctx, 'set-backing') ? rebase(ctx) : reply(ctx)),
};
