import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

const allowShell =
  'In `mm`: host programs run only when the node was started with `--allow-shell`; otherwise the command answers with an error. This cannot be switched on from another node.';

/** Handlers of the `shell` family, in minimega 2.3 registration order. */
export const shellHandlers: readonly HandlerSpec[] = [
  {
    id: 'shell',
    group: 'shell',
    category: 'local',
    patterns: ['shell <command>...'],
    summary: 'Run a program on this host and print its output when it ends',
    doc: paras(
      "Runs a program on the host with minimega's privileges, waits for it to finish and prints its output. The words after `shell` are the program and its arguments.",
      nsLocal,
      'Examples:',
      example('shell ip link', 'shell ls /tmp'),
      "Careful: the program runs with minimega's rights, and the node runs no other command until it ends.",
      allowShell,
    ),
    args: {
      command: {
        summary: 'Program and arguments to run on the host',
        doc: 'Example: `ip link show`. Quote arguments that contain spaces.',
      },
    },
  },
  {
    id: 'background',
    group: 'shell',
    category: 'local',
    patterns: ['background <command>...'],
    summary: 'Start a program on this host without waiting for it',
    doc: paras(
      "Starts a program on the host with minimega's privileges and returns at once. Its output is not printed; it goes to minimega's log at level `info`.",
      nsLocal,
      'Example:',
      example('background tcpdump -i mega_tap0 -w /tmp/tap0.pcap'),
      allowShell,
    ),
    args: {
      command: {
        summary: 'Program and arguments to start on the host',
        doc: 'Example: `tcpdump -i eth0`. Quote arguments that contain spaces.',
      },
    },
  },
];
