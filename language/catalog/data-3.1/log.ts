import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

function level(name: string, what: string): ArgSpec {
  return { summary: `Log ${what}`, doc: `Sets the level to \`${name}\`; messages below it are not logged.` };
}

/** Handlers of the `log` family, in minimega 3.1 registration order. */
export const logHandlers: readonly HandlerSpec[] = [
  {
    id: 'log level',
    group: 'log',
    category: 'local',
    patterns: ['log level [debug,info,warn,error,fatal]'],
    summary: 'Show or set how much minimega logs',
    doc: paras(
      '`log level` prints the level; `log level <level>` sets it for every log output. From most to least verbose: `debug`, `info`, `warn`, `error`, `fatal`.',
      nsNode,
      'Example:',
      example('log level debug'),
    ),
    args: {
      debug: level('debug', 'everything, including debugging details'),
      info: level('info', 'informational messages and above'),
      warn: level('warn', 'warnings and errors'),
      error: level('error', 'errors only'),
      fatal: level('fatal', 'only fatal errors'),
    },
  },
  {
    id: 'log stderr',
    group: 'log',
    category: 'local',
    patterns: ['log stderr [true,false]'],
    summary: 'Show or set whether log messages go to standard error',
    doc: paras(
      '`log stderr` prints whether logging to standard error is on; `log stderr true` or `false` switches it.',
      nsNode,
      'Example:',
      example('log stderr false'),
    ),
    args: {
      true: { summary: 'Log to standard error', doc: 'Turns the stderr log output on.' },
      false: { summary: 'Stop logging to standard error', doc: 'Turns the stderr log output off.' },
    },
  },
  {
    id: 'log file',
    group: 'log',
    category: 'local',
    patterns: ['log file [file]'],
    summary: 'Show the log file, or start appending log messages to a file',
    doc: paras(
      '`log file` prints the log file; `log file <file>` appends log messages to it from now on, creating missing parent directories.',
      nsNode,
      'Example:',
      example('log file /var/log/minimega.log'),
    ),
    args: {
      file: { summary: 'File to append log messages to', doc: 'Parent directories are created. Example: `/var/log/minimega.log`.', domain: 'path' },
    },
  },
  {
    id: 'log mesh',
    group: 'log',
    category: 'local',
    patterns: ['log mesh [node]'],
    summary: 'Show or set the mesh node that receives a copy of all log messages',
    doc: paras(
      '`log mesh` prints the node this node forwards its log messages to; `log mesh <node>` starts forwarding to that node, which must be in the mesh. `clear log mesh` stops it.',
      nsNode,
      'Example:',
      example('log mesh head'),
    ),
    args: {
      node: { summary: 'Mesh node to forward log messages to', doc: 'A node of the mesh, e.g. `head`.', domain: 'hostName' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'log ring',
    group: 'log',
    category: 'local',
    patterns: ['log ring [size]'],
    summary: 'Print the in-memory log, or keep the last lines of the log in memory',
    doc: paras(
      '`log ring <size>` keeps the last `<size>` log lines in memory (replacing an earlier ring); `log ring` prints them, and fails when no ring was set up. `clear log ring` drops it.',
      nsNode,
      'Example:',
      example('log ring 1000', 'log ring'),
    ),
    args: {
      size: { summary: 'Number of log lines to keep; omit to print the ring', doc: 'An integer, e.g. `1000`.', domain: 'int' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'log filter',
    group: 'log',
    category: 'local',
    patterns: ['log filter [filter]'],
    summary: 'List log filters, or hide log lines that contain a text',
    doc: paras(
      '`log filter` lists the filters; `log filter <text>` hides log lines containing `<text>` from now on. `clear log filter` removes them.',
      nsNode,
      'Example:',
      example('log filter meshage'),
    ),
    args: {
      filter: { summary: 'Text; log lines containing it are hidden', doc: 'A plain substring (not the `.filter` syntax), e.g. `meshage`.' },
    },
  },
  {
    id: 'log syslog',
    group: 'log',
    category: 'local',
    patterns: ['log syslog remote <tcp,udp> <address>', 'log syslog <local,>'],
    summary: 'Send log messages to the local syslog or to a remote syslog server',
    doc: paras(
      "`log syslog local` sends log messages to this host's syslog; `log syslog remote tcp|udp <host:port>` to a syslog server.",
      nsNode,
      'Example:',
      example('log syslog remote udp logs.lab:514'),
    ),
    args: {
      tcp: { summary: 'Reach the syslog server over TCP', doc: 'Transport to the server.' },
      udp: { summary: 'Reach the syslog server over UDP', doc: 'Transport to the server.' },
      address: { summary: 'Syslog server as `host:port`', doc: 'Example: `logs.lab:514`.' },
    },
  },
  {
    id: 'clear log',
    group: 'log',
    category: 'local',
    patterns: [
      'clear log',
      'clear log <file,>',
      'clear log <mesh,>',
      'clear log <level,>',
      'clear log <stderr,>',
      'clear log <filter,>',
      'clear log <syslog,>',
      'clear log <ring,>',
    ],
    summary: 'Reset logging, or one part of it: file, mesh, level, stderr, filters, syslog, ring',
    doc: paras(
      '`clear log` resets all logging: log file, forwarding to a mesh node, level, standard error, filters, syslog and the in-memory ring. `clear log <part>` resets only that part.',
      nsNode,
      'Example:',
      example('clear log filter'),
    ),
    args: {},
    since23: { kind: 'changed', from: 'clear log', note: 'New `mesh` and `ring` parts.' },
  },
];
