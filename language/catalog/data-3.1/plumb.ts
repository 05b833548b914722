import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsBroadcast, nsLocal, paras } from './doc-text.js';

const pipeArg: ArgSpec = {
  summary: "Pipe name; `ns//name` names another namespace's pipe",
  doc: "A name without `//` is a pipe of the command's namespace (`foo` in `minimega` is `minimega//foo`). Example: `alerts`.",
  domain: 'pipe',
};

const allNamespaces =
  'Quirk: the listing shows every entry whose full name contains `<ns>//`, so in a namespace named `a` or `ega` the entries of `minimega` show as well.';

/** Handlers of the `plumb` family, in minimega 3.1 registration order. */
export const plumbHandlers: readonly HandlerSpec[] = [
  {
    id: 'plumb',
    group: 'plumb',
    category: 'local',
    patterns: ['plumb <src> <dst>...'],
    summary: 'Create a pipeline that streams lines from a pipe or program through others',
    doc: paras(
      '`plumb <src> <dst>...` connects two or more elements: each line that comes out of one goes into the next. An element is a program when its first word is a program found on the host\'s `PATH` (or a path containing `/` to one), otherwise a named pipe; pipes without `//` belong to the command\'s namespace. Quote a program with arguments: `"sed -u s/a/b/"`. The pipes are created when needed.',
      'A pipeline stops when one of its programs exits. Values written with `pipe <name> <data>` flow into the pipelines that read that pipe.',
      nsLocal + ' The plumber itself belongs to the node and survives `clear namespace`.',
      'Examples:',
      example('plumb alerts "sed -u s/^/alert: /" log', 'pipe alerts "disk full"'),
      'Errors: `invalid command` for fewer than two elements, `pipeline already exists: [<elements>]` for the same pipeline twice. Quirk: an empty element (`plumb a ""`) crashes a real 3.1.0 daemon.',
    ),
    args: {
      src: { summary: 'First element: a pipe or a program', doc: 'Example: `alerts` (a pipe) or `"tail -f /var/log/syslog"` (a program).' },
      dst: { summary: 'Further elements: pipes or programs, in order', doc: 'Example: `"grep error" errors`.' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'plumb#2',
    group: 'plumb',
    category: 'broadcast',
    patterns: ['plumb'],
    summary: "List the namespace's pipelines",
    doc: paras(
      'Prints the one-column table `pipeline`: each pipeline as its elements joined by spaces, with pipes written in full (`minimega//alerts`). Pipelines made only of programs are not listed.',
      nsBroadcast,
      'Example:',
      example('plumb'),
      allNamespaces,
    ),
    args: {},
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'clear plumb',
    group: 'plumb',
    category: 'broadcast',
    patterns: ['clear plumb [pipeline]...'],
    summary: 'Remove pipelines, the given one or all of them',
    doc: paras(
      '`clear plumb` removes every pipeline of the node, in all namespaces. `clear plumb <elements>...` removes one pipeline, named exactly as `plumb` lists it: pipes in full, programs quoted as typed (`clear plumb minimega//alerts "sed -u s/^/alert: /" minimega//log`). The pipes stay.',
      nsBroadcast,
      'Example:',
      example('clear plumb minimega//a minimega//b'),
      'Quirk: the words are not completed with the namespace, so `clear plumb a b` does not find the pipeline made by `plumb a b` and fails with `no such pipeline: [a b]`.',
    ),
    args: {
      pipeline: { summary: 'The elements of the pipeline, as `plumb` lists them; omit for all', doc: 'Example: `minimega//a minimega//b`.' },
    },
    quirks: ['`clear plumb a b` does not find the pipeline `plumb a b` made: write the pipes in full'],
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'pipe',
    group: 'plumb',
    category: 'broadcast',
    patterns: ['pipe', 'pipe <pipe> <mode,> <all,round-robin,random>', 'pipe <pipe> <log,> <true,false>'],
    summary: "List the namespace's named pipes, or set a pipe's delivery mode or logging",
    doc: paras(
      '- `pipe` prints `name | mode | readers | writers | count | via | previous`: each pipe of the namespace with its delivery mode, numbers of readers and writers, messages written, `via` program and last value.\n- `pipe <pipe> mode all|round-robin|random` sets how a value reaches the readers: every reader (the default), one after the other, or one at random.\n- `pipe <pipe> log true|false` logs every value written (at debug level).',
      nsBroadcast,
      'Examples:',
      example('pipe alerts mode round-robin', '.columns name,readers,count pipe'),
      allNamespaces,
    ),
    args: {
      pipe: pipeArg,
      all: { summary: 'Deliver each value to every reader (the default)', doc: 'Mode of the pipe.' },
      'round-robin': { summary: 'Deliver each value to the next reader in turn', doc: 'Mode of the pipe.' },
      random: { summary: 'Deliver each value to one reader at random', doc: 'Mode of the pipe.' },
      true: { summary: 'Log every value written to the pipe', doc: 'At debug level.' },
      false: { summary: 'Stop logging the values', doc: 'The default.' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'pipe#2',
    group: 'plumb',
    category: 'local',
    patterns: ['pipe <pipe> <data>', 'pipe <pipe> <via,> <command>...'],
    summary: "Write a value to a named pipe, or set a program that rewrites the pipe's values",
    doc: paras(
      '- `pipe <pipe> <data>` writes one value to the pipe, creating it when needed; quote values with spaces.\n- `pipe <pipe> via <command>...` passes every value through that program, once per reader, before delivery; this node becomes the one that runs it and tells every mesh peer.',
      nsLocal,
      'Examples:',
      example('pipe alerts "disk full"', 'pipe alerts via sed -e s/disk/DISK/'),
      'The value is one word: `pipe foo hello world` is not a command.',
    ),
    args: {
      pipe: pipeArg,
      data: { summary: 'The value to write, as one word', doc: 'Quote it to include spaces, e.g. `"disk full"`.' },
      command: { summary: 'Program and arguments that every value passes through', doc: 'Example: `sed -e s/a/b/`.' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'clear pipe',
    group: 'plumb',
    category: 'broadcast',
    patterns: ['clear pipe [pipe]', 'clear pipe <pipe> <mode,>', 'clear pipe <pipe> <log,>', 'clear pipe <pipe> <via,>'],
    summary: 'Delete named pipes, or reset the mode, logging or via program of one',
    doc: paras(
      '`clear pipe` deletes every pipe of the node, in all namespaces, stopping at the first one still written to; `clear pipe <pipe>` deletes one. `clear pipe <pipe> mode`, `log` and `via` reset that setting (mode `all`, logging off, no via program). Deleting a pipe stops the pipelines that read it.',
      nsBroadcast,
      'Example:',
      example('clear pipe alerts via', 'clear pipe alerts'),
      'Errors: `no such pipe: <ns>//<pipe>`, `cannot delete named pipe with open writers` (a pipeline still writes to it).',
    ),
    args: {
      pipe: { ...pipeArg, summary: 'The pipe; omit to delete every pipe' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
];
