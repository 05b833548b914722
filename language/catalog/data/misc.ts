import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, nsLocal, paras } from './doc-text.js';

/** Handlers of the `misc` family, in minimega 2.3 registration order. */
export const miscHandlers: readonly HandlerSpec[] = [
  {
    id: 'quit',
    group: 'misc',
    category: 'local',
    role: 'quit',
    patterns: ['quit [delay]'],
    summary: 'Stop minimega, now or after a delay',
    doc: paras(
      '`quit` stops this node at once, without an answer: clients just see the connection close. `quit <seconds>` answers `quitting after <seconds> seconds` and stops after that delay.',
      nsLocal + ' Sent with `mesh send`, it stops the receivers, which never answer.',
      'Example:',
      example('quit 5'),
    ),
    args: {
      delay: {
        summary: 'Seconds to wait before stopping',
        doc: 'An integer, e.g. `5`.',
        domain: 'int',
      },
    },
  },
  {
    id: 'help',
    group: 'misc',
    category: 'local',
    patterns: ['help [command]...'],
    summary: 'List all commands, or show how to use a command',
    doc: paras(
      '`help` prints `Display help on a command. Here is a list of commands:` followed by every command with its one-line summary. `help <words>` shows the usage of the commands that start with those words: their patterns after `Usage:`, then the long description. When several commands match, it lists them with their summaries instead; nothing matching gives ``no help entry for `<words>` ``.',
      'Words select by prefix, so `help vm c` lists every command that starts with `vm c` (`vm config ...`, `vm cdrom`).',
      nsLocal,
      'Examples:',
      example('help', 'help vm launch'),
      'In `mm`, the summaries and descriptions come from this command reference.',
    ),
    args: {
      command: {
        summary: 'The first words of a command, e.g. `vm config`',
        doc: 'Words are joined with spaces and matched as a prefix of the command names. Example: `help vm info`.',
      },
    },
  },
  {
    id: 'read',
    group: 'misc',
    category: 'special',
    role: 'read',
    namespaceBehaviour: 'the lines of the file run with whatever namespace is active; `namespace NAME read FILE` runs the whole file in NAME.',
    patterns: ['read <file> [check,]'],
    summary: 'Run the commands of a script file line by line, or only check them',
    doc: paras(
      "Runs `<file>` as if its lines were typed one after the other, printing each line's output as it comes. Blank lines and comments are skipped. A command that fails does not stop the file, but a line that cannot be parsed does: its error (for example ``invalid command: `bogus` ``) ends the `read`. `read <file> check` only parses the lines, without running them.",
      'Namespaces: special. Each line runs in whatever namespace is active at that moment; a `namespace dev` line in the file switches for the following lines and stays switched after the file ends. `namespace dev read setup.mm` runs the whole file in `dev` and restores the previous namespace afterwards.',
      'Examples:',
      example('read setup.mm', 'read setup.mm check'),
      "Rules: a file cannot `read` another (``cannot run nested `read` commands``), and `read` cannot be sent to other nodes with `mesh send`. `read` itself is not recorded in the history, the lines it runs are. A missing file gives the system's error, e.g. `open setup.mm: no such file or directory`. In minimega, commands from other clients may run between two lines of the file.",
    ),
    args: {
      file: {
        summary: 'Script file to run',
        doc: 'A path on this node, e.g. `setup.mm`.',
        domain: 'path',
      },
      check: {
        summary: 'Only check the lines; stop at the first one that does not parse',
        doc: 'Nothing is run.',
      },
    },
  },
  {
    id: 'debug',
    group: 'misc',
    category: 'local',
    patterns: ['debug', 'debug <memory,> <file>', 'debug <cpu,> <start,> <file>', 'debug <cpu,> <stop,>'],
    summary: 'Show runtime counters of minimega, or write memory and CPU profiles',
    doc: paras(
      'For debugging minimega itself.',
      '- `debug` prints runtime counters (Go version, number of goroutines, cgo calls).\n- `debug memory <file>` writes a heap profile.\n- `debug cpu start <file>` starts writing a CPU profile and `debug cpu stop` ends it.',
      "Relative file names are placed in the files directory. The profiles are for Go's pprof tool. Errors: `CPU profile still running`, `CPU profile not running`.",
      nsLocal,
      'Example:',
      example('debug cpu start cpu.prof', 'debug cpu stop'),
      'In `mm`: `debug` prints one row (`simulated`, `0`, `0`) and no profile is written; `debug cpu start` and `stop` keep their state and give the errors above.',
    ),
    args: {
      file: {
        summary: 'Profile file; relative names go to the files directory',
        doc: 'Example: `cpu.prof`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'version',
    group: 'misc',
    category: 'broadcast',
    patterns: ['version'],
    summary: 'Show the minimega version',
    doc: paras(
      'Prints the version as `minimega <revision> <date>`.',
      nsBroadcast + ' Hosts with the same version are merged into one line.',
      'Example:',
      example('version'),
    ),
    args: {},
  },
  {
    id: 'echo',
    group: 'misc',
    category: 'local',
    patterns: ['echo [args]...'],
    summary: 'Print the arguments, joined by spaces',
    doc: paras(
      'Prints its arguments separated by single spaces, after quoting, escapes and comments have been handled, which makes it handy to see how a line is read: `echo a # tail` prints `a`, `echo "a  b"` prints `a  b`.',
      'Arguments that start with `$` are replaced by the environment variable of that name (an undefined one fails with `undefined: $NAME`), and `file:<name>` arguments are replaced by the path of that file in the files directory (`file not found` when there is none). This happens for the arguments of every command.',
      nsLocal,
      'Example:',
      example('echo home is $HOME'),
      'Quirks: the output is trimmed, so leading and trailing spaces vanish, while empty arguments inside are kept (`echo "" a "" b ""` prints `a  b`). `echo` alone prints nothing.',
    ),
    args: {
      args: {
        summary: 'Words to print',
        doc: 'Any words; quote them to keep several spaces. Example: `echo "hello world"`.',
        domain: 'text',
      },
    },
  },
];
