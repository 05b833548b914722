import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `deploy` family, in minimega 3.1 registration order. */
export const deployHandlers: readonly HandlerSpec[] = [
  {
    id: 'deploy',
    group: 'deploy',
    category: 'local',
    patterns: [
      'deploy <launch,> <hosts>',
      'deploy <launch,> <hosts> <user> [sudo,]',
      'deploy <flags,> [minimega flags]...',
      'deploy <stdout,> [path]',
      'deploy <stderr,> [path]',
    ],
    summary: 'Copy this minimega to other machines and start it there, or set how those copies start',
    doc: paras(
      "- `deploy launch <hosts>` copies the running minimega binary to each host over ssh and starts it there.\n- `deploy launch <hosts> <user> [sudo]` logs in as `<user>`, and with `sudo` starts minimega through sudo.\n- `deploy flags <flag>...` sets the command-line flags of the remote copies; `deploy flags` alone prints them. Without custom flags the copies get this instance's own flags.\n- `deploy stdout [path]` and `deploy stderr [path]` print or set the remote files that take the copies' output (default `/dev/null`).",
      nsNode,
      'Examples:',
      example('deploy flags -base=/opt/minimega -degree=2', 'deploy stderr /tmp/minimega.err', 'deploy launch node[1-10] root sudo'),
    ),
    args: {
      hosts: {
        summary: 'Machines to deploy to: names and ranges like `node[1-10]`',
        doc: 'Comma-separated host names and ranges, e.g. `node[1-10],gpu1`.',
        domain: 'hosts',
      },
      user: { summary: 'Login name for ssh', doc: 'Example: `root`.' },
      sudo: { summary: 'Start the remote minimega through sudo', doc: 'Use when `<user>` needs sudo to run minimega.' },
      minimega: {
        summary: 'Command-line flags for the remote copies; omit to print them',
        doc: 'Flags such as `-base=/opt/minimega`.',
      },
      path: {
        summary: 'Remote file for the standard output or error of the copies; omit to print it',
        doc: 'A path on the remote machines, e.g. `/tmp/minimega.log`. Default `/dev/null`.',
      },
    },
    since23: { kind: 'changed', from: 'deploy', note: 'New `deploy stdout` and `deploy stderr` forms.' },
  },
  {
    id: 'clear deploy flags',
    group: 'deploy',
    category: 'local',
    patterns: ['clear deploy flags'],
    summary: "Forget custom deploy flags; remote copies start with this instance's flags again",
    doc: paras(
      'Drops the flags set with `deploy flags`, so `deploy launch` starts remote copies with the flags of this instance. `clear all` runs it too.',
      nsNode,
      'Example:',
      example('clear deploy flags'),
    ),
    args: {},
  },
];
