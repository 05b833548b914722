import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `web` family, in minimega 2.3 registration order. */
export const webHandlers: readonly HandlerSpec[] = [
  {
    id: 'web',
    group: 'web',
    category: 'local',
    patterns: ['web [port]', 'web root <path> [port]'],
    summary: "Start minimega's web interface (VMs, hosts, graph, VNC)",
    doc: paras(
      '`web [port]` starts the web interface, which shows the VMs, the hosts and a graph of the experiment and gives VNC access to the VMs. The default port is 9001. `web root <path> [port]` serves the web pages from another directory (default `misc/web`).',
      nsLocal,
      'Example:',
      example('web 8080'),
      'Once started, the port cannot be changed; the page directory can be set again later.',
      'In `mm`: no server is started and no port is opened; the port and the page directory are recorded.',
    ),
    args: {
      port: {
        summary: 'TCP port to listen on; default 9001',
        doc: 'An integer, e.g. `8080`.',
        domain: 'int',
      },
      path: {
        summary: 'Directory with the web pages; default `misc/web`',
        doc: 'Example: `/opt/minimega/misc/web`.',
        domain: 'path',
      },
    },
  },
];
