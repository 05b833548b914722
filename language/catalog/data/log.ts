import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

function level(name: string, what: string): ArgSpec {
  return { summary: `Log ${what}`, doc: `Sets the level to \`${name}\`; messages below it are not logged.` };
}

/** Handlers of the `log` family, in minimega 2.3 registration order. */
export const logHandlers: readonly HandlerSpec[] = [
  {
    id: 'log level',
    group: 'log',
    category: 'local',
    patterns: ['log level [debug,info,warn,error,fatal]'],
    summary: 'Show or set how much minimega logs',
    doc: paras(
      '`log level` prints the current log level; `log level <level>` sets it for every log output (stderr, log file, syslog). From most to least verbose: `debug`, `info`, `warn`, `error`, `fatal`.',
      nsLocal,
      'Example:',
      example('log level debug'),
      'In `mm`: the level is recorded and printed back (default `warn`); the simulator writes no log.',
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
      '`log stderr` prints whether logging to standard error is on; `log stderr true` or `false` turns it on or off.',
      nsLocal,
      'Example:',
      example('log stderr false'),
      'In `mm`: the setting is recorded and printed back (default `true`); the simulator writes no log.',
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
      '`log file` prints the current log file; `log file <file>` appends log messages to that file from now on, creating missing parent directories.',
      nsLocal,
      'Example:',
      example('log file /var/log/minimega.log'),
      'In `mm`: the path is recorded and printed back; no file is opened or created.',
    ),
    args: {
      file: {
        summary: 'File to append log messages to',
        doc: 'Parent directories are created. Example: `/var/log/minimega.log`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'log filter',
    group: 'log',
    category: 'local',
    patterns: ['log filter [filter]'],
    summary: 'List log filters, or hide log lines that contain a text',
    doc: paras(
      '`log filter` lists the filters; `log filter <text>` adds one: log lines containing `<text>` are no longer written. `clear log filter` removes them all.',
      nsLocal,
      'Example:',
      example('log filter meshage'),
      'In `mm`: the filters are recorded and listed, one per line.',
    ),
    args: {
      filter: {
        summary: 'Text; log lines containing it are hidden',
        doc: 'A plain substring (not the `.filter` syntax), e.g. `meshage`.',
      },
    },
  },
  {
    id: 'log syslog',
    group: 'log',
    category: 'local',
    patterns: ['log syslog remote <tcp,udp> <address>', 'log syslog <local,>'],
    summary: 'Send log messages to the local syslog or to a remote syslog server',
    doc: paras(
      "`log syslog local` sends log messages to this host's syslog; `log syslog remote tcp|udp <host:port>` sends them to a syslog server.",
      nsLocal,
      'Example:',
      example('log syslog remote udp logs.lab:514'),
      'In `mm`: the setting is recorded; no syslog server is contacted.',
    ),
    args: {
      tcp: { summary: 'Reach the syslog server over TCP', doc: 'Transport for the remote server.' },
      udp: { summary: 'Reach the syslog server over UDP', doc: 'Transport for the remote server.' },
      address: { summary: 'Syslog server as `host:port`', doc: 'Example: `logs.lab:514`.' },
    },
  },
  {
    id: 'clear log',
    group: 'log',
    category: 'local',
    patterns: ['clear log', 'clear log <file,>', 'clear log <level,>', 'clear log <stderr,>', 'clear log <filter,>', 'clear log <syslog,>'],
    summary: 'Reset logging, or one part of it: file, level, stderr, filters, syslog',
    doc: paras(
      '`clear log` resets all logging: it closes the log file, sets the level back to `error`, stops logging to stderr and syslog and removes all filters. `clear log file`, `clear log level`, `clear log stderr`, `clear log filter` and `clear log syslog` reset only that part.',
      nsLocal,
      'Example:',
      example('clear log filter'),
      'In `mm`: each setting goes back to its default (`warn`, logging to stderr, no file, no filter, no syslog).',
    ),
    args: {},
  },
];
