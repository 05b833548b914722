import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

const imageArg: ArgSpec = {
  summary: 'Image file; relative paths are in the files directory',
  doc: 'Example: `base.qcow2` or `/images/base.qcow2`.',
  domain: 'path',
};

const sizeDoc = 'Bytes, or a number with a `k`, `M`, `G` or `T` suffix, e.g. `10G`.';

/** Handlers of the `disk` family, in minimega 3.1 registration order. */
export const diskHandlers: readonly HandlerSpec[] = [
  {
    id: 'disk create',
    group: 'disk',
    category: 'local',
    patterns: ['disk create <qcow2,raw> <image name> <size>'],
    summary: 'Create an empty qcow2 or raw disk image of a given size',
    doc: paras(
      '`disk create qcow2|raw <image> <size>` creates a new, empty image with the QEMU image tools. A qcow2 image grows as it is written; a raw image is a plain file of the full size.',
      nsNode,
      'Example:',
      example('disk create qcow2 scratch.qcow2 10G'),
    ),
    args: {
      qcow2: { summary: 'Create a qcow2 image', doc: 'The QEMU copy-on-write format.' },
      raw: { summary: 'Create a raw image', doc: 'A plain image file of the full size.' },
      image: { ...imageArg, summary: 'Name of the new image; relative paths are in the files directory' },
      size: { summary: 'Image size', doc: sizeDoc },
    },
    since23: { kind: 'added', note: 'In 2.3 this was the `create` form of the single `disk` command; the words are the same.' },
  },
  {
    id: 'disk inject',
    group: 'disk',
    category: 'local',
    patterns: [
      'disk <inject,> <image> files <files like /path/to/src:/path/to/dst>...',
      'disk <inject,> <image> <delete,> files <files like /path/to/src,/path/to/src>...',
      'disk <inject,> <image> <options,> <options> files <files like /path/to/src:/path/to/dst>',
      'disk <inject,> <image> <options,> <options> <delete,> files <files like /path/to/src,/path/to/src>',
    ],
    summary: 'Copy host files into a disk image, or delete files from it',
    doc: paras(
      '- `disk inject <image> files <src:dst>...` copies host files into the image.\n- `disk inject <image> delete files <path>,...` deletes files or directories inside the image.\n- With `options <options>` after the image, the partition is mounted with those mount options; these forms take a single `files` word.',
      'Append `:N` to the image to work on partition N (default 1), or `:none` for an image without a partition table.',
      nsNode,
      'Examples:',
      example('disk inject web.qcow2:1 files /tmp/motd:/etc/motd', 'disk inject web.qcow2 delete files /etc/motd,/tmp/old'),
    ),
    args: {
      image: { ...imageArg, doc: 'May end in `:N` (partition, default 1) or `:none`. Example: `web.qcow2:2`.' },
      files: {
        summary: 'To copy: `source:destination` pairs; to delete: comma-separated paths in the image',
        doc: 'Example: `/tmp/motd:/etc/motd`, or `/etc/motd,/tmp/old` with `delete`. Quote pairs that contain spaces.',
      },
      options: {
        summary: 'Mount options for the partition; quote them when they have spaces',
        doc: 'Example: `"-t fat -o offset=100"`.',
      },
    },
    since23: {
      kind: 'added',
      note: 'In 2.3 this was the `inject` form of the single `disk` command; `delete` is new, and the `options` forms take a single `files` word.',
    },
  },
  {
    id: 'disk info',
    group: 'disk',
    category: 'local',
    patterns: ['disk info <image> [recursive,]'],
    summary: "Show a disk image's format, sizes and backing file",
    doc: paras(
      '`disk info <image>` prints the format, the virtual and actual size and the backing file of an image; with `recursive` it describes every image of the backing chain as well.',
      nsNode,
      'Example:',
      example('disk info web.qcow2 recursive'),
    ),
    args: {
      image: imageArg,
      recursive: { summary: 'Also describe every backing image', doc: 'Follows the chain of backing files.' },
    },
    since23: { kind: 'added', note: 'In 2.3 this was the `info` form of the single `disk` command; `recursive` is new.' },
  },
  {
    id: 'disk snapshot',
    group: 'disk',
    category: 'local',
    patterns: ['disk snapshot <image> [dst image]'],
    summary: 'Create a new image backed by an existing one',
    doc: paras(
      '`disk snapshot <image> [dst]` creates a copy-on-write image whose backing file is `<image>`; it is written to the files directory under `<dst>`, or under a random name when omitted.',
      nsNode,
      'Example:',
      example('disk snapshot base.qcow2 web.qcow2'),
    ),
    args: {
      image: { ...imageArg, summary: 'Backing image' },
      dst: { summary: 'Name of the new image in the files directory; random when omitted', doc: 'Example: `web.qcow2`.' },
    },
    since23: { kind: 'added', note: 'In 2.3 this was the `snapshot` form of the single `disk` command; the words are the same.' },
  },
  {
    id: 'disk',
    group: 'disk',
    category: 'local',
    patterns: ['disk <rebase,> <image> [backing file]', 'disk <set-backing,> <image> [backing file]'],
    summary: 'Point an image at another backing file, or remove its backing file',
    doc: paras(
      '- `disk rebase <image> [backing]` moves the image onto another backing file, converting data so the contents stay the same.\n- `disk set-backing <image> [backing]` only rewrites the reference, without converting anything.',
      'Without a backing file, the image becomes independent of its old one.',
      nsNode,
      'Example:',
      example('disk rebase web.qcow2 base-v2.qcow2'),
    ),
    args: {
      image: imageArg,
      backing: { summary: 'New backing image; omit to remove the backing file', doc: 'Example: `base-v2.qcow2`.', domain: 'path' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'disk commit',
    group: 'disk',
    category: 'local',
    patterns: ['disk commit <image>'],
    summary: "Write an image's changes into its backing file",
    doc: paras('Merges the changes stored in a copy-on-write image into the image it is backed by.', nsNode, 'Example:', example('disk commit web.qcow2')),
    args: { image: imageArg },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'disk resize',
    group: 'disk',
    category: 'local',
    patterns: ['disk resize <image> <size>'],
    summary: 'Grow or shrink a disk image',
    doc: paras(
      '`disk resize <image> <size>` sets the virtual size of an image; a size starting with `+` or `-` changes it by that amount.',
      nsNode,
      'Example:',
      example('disk resize web.qcow2 +5G'),
    ),
    args: {
      image: imageArg,
      size: { summary: 'New size, or `+`/`-` and an amount', doc: sizeDoc + ' `+5G` adds five gigabytes.' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
];
