import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `deploy` family, in minimega 2.3 registration order. */
export const deployHandlers: readonly HandlerSpec[] = [
  {
    id: 'deploy',
    group: 'deploy',
    category: 'local',
    patterns: ['deploy <launch,> <hosts>', 'deploy <launch,> <hosts> <user> [sudo,]', 'deploy <flags,> [minimega flags]...'],
    summary: 'Copy this minimega to other machines and start it there, or set the flags it starts with',
    doc: paras(
      'Brings up minimega on other machines of a cluster.',
      "- `deploy launch <hosts>` copies the running minimega binary to each host with scp and starts it there through ssh.\n- `deploy launch <hosts> <user> [sudo]` logs in as `<user>`, and with `sudo` starts minimega through `sudo -b`.\n- `deploy flags <flag>...` sets the command-line flags the remote copies are started with (`-nostdin=true` is always added); `deploy flags` alone prints them. Without custom flags the remote copies get this instance's own flags.",
      nsLocal,
      'Examples:',
      example('deploy flags -base=/opt/minimega -degree=2', 'deploy launch node[1-10] root sudo'),
      'In `mm`: nothing is copied or started; the host list is checked and `deploy flags` are kept. To run several simulated nodes, use `mm run --nodes` or `mm node`.',
    ),
    args: {
      hosts: {
        summary: 'Machines to deploy to: a list or range like `node[1-10]`',
        doc: 'Comma-separated host names and ranges, e.g. `node[1-10],gpu1`.',
        domain: 'hosts',
      },
      user: {
        summary: 'Login name for ssh and scp',
        doc: 'Example: `root`.',
      },
      sudo: {
        summary: 'Start the remote minimega through `sudo -b`',
        doc: 'Use when `<user>` needs sudo to run minimega.',
      },
      minimega: {
        summary: 'minimega command-line flags for the remote copies; omit to print them',
        doc: 'Flags such as `-base=/opt/minimega`. `-nostdin=true` is added automatically.',
      },
    },
  },
  {
    id: 'clear deploy flags',
    group: 'deploy',
    category: 'local',
    patterns: ['clear deploy flags'],
    summary: "Forget custom deploy flags; remote copies start with this instance's flags again",
    doc: paras(
      'Drops the flags set with `deploy flags`, so `deploy launch` starts remote copies with the same flags as this instance.',
      nsLocal,
      'Example:',
      example('clear deploy flags'),
    ),
    args: {},
  },
];
