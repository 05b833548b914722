import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `history` family, in minimega 2.3 registration order. */
export const historyHandlers: readonly HandlerSpec[] = [
  {
    id: 'history',
    group: 'history',
    category: 'local',
    patterns: ['history'],
    summary: 'Print the commands recorded so far, one per line',
    doc: paras(
      'Prints the recorded commands since startup or since the last `clear history`, oldest first. A command is recorded after it runs, as typed after alias expansion (a trailing comment included), also when it fails. Not recorded: blank and comment lines, lines that do not parse, commands rejected before running (for example an undefined `$VARIABLE`), `read` itself (the lines it runs are recorded one by one), `clear history`, and anything while `.record false` is in effect. The history keeps at most 10000 entries.',
      nsLocal + ' Commands sent to this node by the namespace machinery are not recorded here, but `mesh send` payloads are.',
      'Example:',
      example('history'),
      'Quirks: `history` records itself after it runs, so a second `history` shows the first. `namespace dev vm info` is recorded twice: `vm info`, then the whole line.',
    ),
    args: {},
  },
  {
    id: 'clear history',
    group: 'history',
    category: 'local',
    patterns: ['clear history'],
    summary: 'Forget all recorded commands',
    doc: paras(
      'Empties the command history. `clear history` itself is not recorded, so a following `history` prints nothing.',
      nsLocal,
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
      nsLocal,
      'Example:',
      example('write session.mm', 'read session.mm'),
    ),
    args: {
      file: {
        summary: 'File to write on this node',
        doc: 'Example: `session.mm`.',
        domain: 'path',
      },
    },
  },
];
