import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

const program: ArgSpec = {
  summary: 'Program and arguments to run on the host',
  doc: 'Example: `ip link show`. Quote arguments that contain spaces.',
};

const backgroundId: ArgSpec = {
  summary: 'Background id as printed by `background`',
  doc: 'An integer, e.g. `3`; see `background-status`.',
  domain: 'int',
};

/** Handlers of the `shell` family, in minimega 3.1 registration order. */
export const shellHandlers: readonly HandlerSpec[] = [
  {
    id: 'shell',
    group: 'shell',
    category: 'local',
    patterns: ['shell <command>...'],
    summary: 'Run a program on this host and print its output when it ends',
    doc: paras(
      "Runs a program on the host with minimega's privileges, waits for it to finish and prints its output.",
      nsNode,
      'Examples:',
      example('shell ip link', 'shell sleep 1'),
      "Careful: the program runs with minimega's rights.",
    ),
    args: { command: program },
  },
  {
    id: 'background',
    group: 'shell',
    category: 'local',
    patterns: ['background <command>...'],
    summary: 'Start a program on this host without waiting; prints its background id',
    doc: paras(
      "Starts a program on the host with minimega's privileges and answers at once with an id. The program's output is kept (see `background-output` and `background-error`) and also logged at level `info`.",
      nsNode,
      'Example:',
      example('background tcpdump -i mega_tap0 -w /tmp/tap0.pcap', 'background-status'),
    ),
    args: { command: { ...program, summary: 'Program and arguments to start on the host' } },
    since23: { kind: 'behaviour', from: 'background', note: 'Prints an id; the output is kept for `background-output` and `background-error`.' },
  },
  {
    id: 'background-status',
    group: 'shell',
    category: 'local',
    patterns: ['background-status [id]'],
    summary: 'Show the programs started with `background` and whether they still run',
    doc: paras(
      '`background-status` prints a table of every program started with `background`, with its id, command and state; `background-status <id>` only that one.',
      nsNode,
      'Example:',
      example('background-status 3'),
    ),
    args: { id: { ...backgroundId, summary: 'Background id; omit for all' } },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'background-output',
    group: 'shell',
    category: 'local',
    patterns: ['background-output <id>'],
    summary: 'Print the standard output of a finished background program',
    doc: paras(
      'Prints what the program started with `background` wrote to its standard output. While it still runs the answer is an error.',
      nsNode,
      'Example:',
      example('background-output 3'),
    ),
    args: { id: backgroundId },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'background-error',
    group: 'shell',
    category: 'local',
    patterns: ['background-error <id>'],
    summary: 'Print the standard error of a finished background program',
    doc: paras(
      'Prints what the program started with `background` wrote to its standard error. While it still runs the answer is an error.',
      nsNode,
      'Example:',
      example('background-error 3'),
    ),
    args: { id: backgroundId },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'clear background-status',
    group: 'shell',
    category: 'local',
    patterns: ['clear background-status'],
    summary: 'Forget the background programs that have finished',
    doc: paras(
      'Removes the finished programs, with their kept output, from `background-status`; running ones stay.',
      nsNode,
      'Example:',
      example('clear background-status'),
    ),
    args: {},
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
];
