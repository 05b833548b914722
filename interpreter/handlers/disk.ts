/**
 * `disk`: VM disk images. 2.3 runs qemu-img and mounts images; the
 * simulator writes nothing: created and snapshotted images are recorded in
 * the files directory's view, and paths in the files directory must exist
 * as for a launch (docs/simulator.md).
 */
import { createTable } from '../contracts/responses.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from './types.js';

/** qemu-img sizes: a number with an optional unit suffix. */
export const SIZE = /^[0-9]+(?:\.[0-9]+)?[bkKMGTPE]?$/;

/** An image path as 2.3 resolves it, required to exist when it lies in the files directory. */
export function existingImage(ctx: HandlerContext): string {
  const path = ctx.node.files.resolve(str(ctx, 'image'));
  if (ctx.node.files.inside(path) !== undefined && !ctx.node.files.exists(path)) throw new CommandError('file not found');
  return path;
}

const disk: Handler = (ctx) => {
  const { node } = ctx;
  const images = node.hardware.images;
  if (bool(ctx, 'create')) {
    const size = str(ctx, 'size');
    if (!SIZE.test(size)) throw new CommandError(`invalid size: ${size}`);
    const path = node.files.resolve(str(ctx, 'image'));
    images.set(path, { format: bool(ctx, 'raw') ? 'raw' : 'qcow2', size, backing: '' });
    node.files.markMade(path);
    return reply(ctx);
  }
  if (bool(ctx, 'snapshot')) {
    const src = existingImage(ctx);
    const dst = ctx.command.args.string.dst;
    const path = dst !== undefined ? node.files.resolve(dst) : node.files.under(`snapshot_${node.hardware.next()}`);
    images.set(path, { format: 'qcow2', size: images.get(src)?.size ?? '', backing: src });
    node.files.markMade(path);
    return reply(ctx, path);
  }
  const path = existingImage(ctx);
  // Injecting files only changes an image's contents, which the simulator does not model.
  if (bool(ctx, 'inject')) return reply(ctx);
  const img = images.get(path);
  const rows = [[path, img?.format ?? '', img?.size ?? '', img?.backing ?? '']];
  return [[createTable(node.name, ['image', 'format', 'virtual size', 'backing file'], rows)]];
};

export const diskHandlers: Record<string, Handler> = { disk };
