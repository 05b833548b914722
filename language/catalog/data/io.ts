import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `io` family, in minimega 2.3 registration order. */
export const ioHandlers: readonly HandlerSpec[] = [
  {
    id: 'file',
    group: 'io',
    category: 'local',
    patterns: ['file <list,> [path]', 'file <get,> <file>', 'file <delete,> <file>', 'file <status,>'],
    summary: 'List, fetch from other nodes, or delete files in the files directory',
    doc: paras(
      'Manages the files directory that minimega nodes share over the mesh (disk images, scripts and the like).',
      "- `file list [path]` lists a directory, by default the top (`/`).\n- `file get <file>` fetches a file, or a directory with its contents, from other mesh nodes into this node's files directory; `*` globs are allowed.\n- `file delete <file>` deletes a file or directory.\n- `file status` shows transfers in progress.",
      nsLocal,
      'Examples:',
      example('file list images', 'file get images/base.qcow2'),
      'In `mm`: the files directory is the host directory given with `--files-dir` (empty without one), plus the files simulated commands made (`disk create`, `vm migrate`, ...). `file get` fetches nothing from other nodes: it fails with `file not found` unless this node has the file. `file delete` hides the file from the node and leaves the host alone.',
    ),
    args: {
      path: {
        summary: 'Directory relative to the files directory; default `/`',
        doc: 'Example: `images`.',
        domain: 'path',
      },
      file: {
        summary: 'File or directory relative to the files directory',
        doc: 'Directories are handled with their contents; `file get` also accepts `*` globs. Example: `images/base.qcow2`.',
        domain: 'path',
      },
    },
  },
];
