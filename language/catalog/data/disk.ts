import type { HandlerSpec } from '../types.js';

/** Handlers of the `disk` family, in minimega 2.3 registration order. */
export const diskHandlers: readonly HandlerSpec[] = [
  {
    id: "disk",
    group: "disk",
    category: "local",
    patterns: [
      "disk <create,> <qcow2,raw> <image name> <size>",
      "disk <snapshot,> <image> [dst image]",
      "disk <inject,> <image> files <files like /path/to/src:/path/to/dst>...",
      "disk <inject,> <image> options <options> files <files like /path/to/src:/path/to/dst>...",
      "disk <info,> <image>",
    ],
    summary: "Creates a blank image, makes a backed snapshot, copies files into an image, or prints image metadata, using qemu-img/qemu-nbd.",
    doc: "Creates a blank image, makes a backed snapshot, copies files into an image, or prints image metadata, using qemu-img/qemu-nbd.",
    simulated: false,
    args: {
      "qcow2": { summary: "image format" },
      "raw": { summary: "image format" },
      "image": { summary: "image path; relative paths resolve under the files dir; for inject may end with ':N' partition (default 1) or ':none'" },
      "size": { summary: "qemu-img size: bytes or with k/M/G/T suffix" },
      "dst": { summary: "bare file name (no '/') created in the files dir; random name when omitted" },
      "files": { summary: "SRC:DST pairs; quote paths containing spaces" },
      "options": { summary: "mount options string (quote when it has spaces), e.g. \"-t fat -o offset=100\"" },
    },
    quirks: [
      "literal 'files' and list key 'files' share the name; literal 'options' and string key 'options' too",
    ],
  },
];
