import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `disk` family, in minimega 2.3 registration order. */
export const diskHandlers: readonly HandlerSpec[] = [
  {
    id: 'disk',
    group: 'disk',
    category: 'local',
    patterns: [
      'disk <create,> <qcow2,raw> <image name> <size>',
      'disk <snapshot,> <image> [dst image]',
      'disk <inject,> <image> files <files like /path/to/src:/path/to/dst>...',
      'disk <inject,> <image> options <options> files <files like /path/to/src:/path/to/dst>...',
      'disk <info,> <image>',
    ],
    summary: 'Create, snapshot, inspect disk images, or copy files into them',
    doc: paras(
      'Works on VM disk images with the QEMU image tools. Relative image paths are taken from the files directory.',
      "- `disk create qcow2|raw <image> <size>` creates an empty image of the given size.\n- `disk snapshot <image> [dst]` creates a new image backed by `<image>`; the new one is written to the files directory under the name `<dst>`, or a random name when omitted.\n- `disk inject <image> files <src:dst>...` copies host files into the image; append `:N` to the image to choose partition N (default 1) or `:none` for an image without partitions. `disk inject <image> options <options> files ...` passes mount options as well.\n- `disk info <image>` prints the image's metadata.",
      nsLocal,
      'Examples:',
      example('disk create qcow2 scratch.qcow2 10G', 'disk snapshot base.qcow2 web.qcow2', 'disk inject web.qcow2:1 files /tmp/motd:/etc/motd'),
      'In `mm`: no image is written or read. `disk create` and `disk snapshot` record the image, which then exists in the files directory for later commands; `disk inject` changes nothing; `disk info` shows what was recorded. An image path in the files directory must exist, as for a launch (`file not found`).',
    ),
    args: {
      qcow2: {
        summary: 'Create a qcow2 image',
        doc: 'The QEMU copy-on-write format; the image grows as it is used.',
      },
      raw: {
        summary: 'Create a raw image',
        doc: 'A plain image file of the full size.',
      },
      image: {
        summary: 'Image file; relative paths are in the files directory',
        doc: "For `create` the new image's name. For `inject` you may append `:N` to choose partition N (default 1) or `:none`. Example: `base.qcow2`.",
        domain: 'path',
      },
      size: {
        summary: 'Image size: bytes, or a number with a k, M, G or T suffix',
        doc: 'Example: `10G`.',
      },
      dst: {
        summary: 'Name of the new snapshot image (no `/`); random when omitted',
        doc: 'A bare file name created in the files directory, e.g. `web.qcow2`.',
      },
      files: {
        summary: '`source:destination` pairs: host file and path inside the image',
        doc: 'One pair per word, e.g. `/tmp/motd:/etc/motd`. Quote pairs that contain spaces.',
      },
      options: {
        summary: 'Mount options for the image partition',
        doc: 'Quote them when they contain spaces, e.g. `"-t fat -o offset=100"`.',
      },
    },
  },
];
