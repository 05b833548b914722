import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `io` family, in minimega 3.1 registration order. */
export const ioHandlers: readonly HandlerSpec[] = [
  {
    id: 'file',
    group: 'io',
    category: 'local',
    patterns: ['file <list,>', 'file <list,> <path> [recursive,]', 'file <get,> <file>', 'file <stream,> <file>', 'file <delete,> <file>', 'file <status,>'],
    summary: 'List, fetch from other nodes, stream or delete files in the files directory',
    doc: paras(
      'Manages the files directory that minimega nodes share over the mesh (disk images, scripts, recordings).',
      "- `file list` lists the top of the files directory; `file list <path> [recursive]` one directory, with `recursive` its subdirectories too.\n- `file get <file>` fetches a file or directory from other mesh nodes into this node's files directory; `*` globs are allowed.\n- `file stream <file>` streams a file's contents back as the answer.\n- `file delete <file>` deletes a file or directory.\n- `file status` shows transfers in progress.",
      nsNode,
      'Examples:',
      example('file list images recursive', 'file get images/base.qcow2'),
    ),
    args: {
      path: { summary: 'Directory relative to the files directory', doc: 'Example: `images`.', domain: 'path' },
      recursive: { summary: 'List subdirectories too', doc: 'Descends into every directory below `<path>`.' },
      file: {
        summary: 'File or directory relative to the files directory',
        doc: 'Directories are handled with their contents; `file get` also accepts `*` globs. Example: `images/base.qcow2`.',
        domain: 'path',
      },
    },
    since23: { kind: 'changed', from: 'file', note: '`file list` takes a `recursive` flag after the path, and `file stream` is new.' },
  },
];
