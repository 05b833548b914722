import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `history` family, in minimega 3.1 registration order. */
export const historyHandlers: readonly HandlerSpec[] = [
  {
    id: 'history',
    group: 'history',
    category: 'local',
    patterns: ['history'],
    summary: 'Print the commands recorded so far, one per line',
    doc: paras(
      'Prints the recorded commands since startup or since the last `clear history`, oldest first. A command is recorded as it was run, after alias expansion.',
      'Not recorded: comment lines, lines that do not parse, anything while `.record false` is in effect, and the copies other nodes send to run a command across a namespace. `namespace <name> <command>` is recorded once, as the whole line. `read` is not recorded itself; each line it runs is, as `namespace "<ns>" <line>` (lines that switch the namespace as typed).',
      nsNode,
      'Example:',
      example('history'),
    ),
    args: {},
    since23: {
      kind: 'behaviour',
      from: 'history',
      note: '`namespace <name> <command>` is recorded once (2.3: twice), and the lines of a `read` file are recorded with a `namespace "<ns>"` prefix.',
    },
  },
  {
    id: 'clear history',
    group: 'history',
    category: 'local',
    patterns: ['clear history'],
    summary: 'Forget all recorded commands',
    doc: paras(
      'Empties the command history. `clear all` ends with it, so after `clear all` the history holds only `clear all`.',
      nsNode,
      'Example:',
      example('clear history'),
    ),
    args: {},
  },
  {
    id: 'write',
    group: 'history',
    category: 'local',
    role: 'write',
    patterns: ['write <file>'],
    summary: 'Save the command history to a file, to replay it later with `read`',
    doc: paras(
      'Writes the recorded commands (what `history` prints) to `<file>`, one per line, so the session can be replayed with `read <file>`.',
      nsNode,
      'Example:',
      example('write session.mm', 'read session.mm'),
    ),
    args: {
      file: { summary: 'File to write on this node', doc: 'Example: `session.mm`.', domain: 'path' },
    },
  },
];
