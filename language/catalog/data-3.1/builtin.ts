import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, paras } from './doc-text.js';

const nsBuiltin =
  'Namespaces: runs on the node where it is typed. The nested command keeps its own behaviour (for example `vm info` still asks every host of its namespace), and the formatting is applied to the merged answer.';

/** The `(command)` argument of a dot-command. */
function nestedCommand(what: string): ArgSpec {
  return {
    summary: `The command whose output ${what}`,
    doc: 'Any complete command line, including other dot-commands, which nest: the innermost runs first and the outermost formats last. In 3.1 the words are matched as they are, without being read again as text, so quoting inside them is kept and aliases do not expand. Example: `.headers false .columns name vm info`.',
    domain: 'command',
  };
}

function flagArgs(setting: string, what: string): Record<string, ArgSpec> {
  const scope = 'Without a nested command this changes the default for every later command; with one it applies only to that command.';
  return {
    true: { summary: `Turn ${setting} on (for the nested command only, when one follows)`, doc: scope },
    false: { summary: `Turn ${setting} off (for the nested command only, when one follows)`, doc: scope },
    command: nestedCommand(what),
  };
}

/** Handlers of the `builtin` family up to `.preprocess`, in minimega 3.1 registration order. */
export const builtinHandlers: readonly HandlerSpec[] = [
  {
    id: '.csv',
    group: 'builtin',
    category: 'special',
    patterns: ['.csv [true,false]', '.csv <true,false> (command)'],
    summary: 'Show table output as comma-separated values, by default or for one command',
    doc: paras(
      '`.csv` alone prints whether CSV mode is on (`true` or `false`). `.csv true` makes CSV the default for every later command and turns JSON mode off; `.csv false` returns to text tables. `.csv true <command>` renders only that command as CSV.',
      'Only tables change: the header row comes first unless `.headers false` is in effect, a `host` column leads while annotation is on, and fields holding a comma, a quote or a line break are quoted. Plain text answers print as usual.',
      nsBuiltin,
      'Example:',
      example('.csv true .columns name,state vm info'),
      'Quirk: `.csv false` only switches CSV off when it is on; otherwise it is a query and prints `false`.',
    ),
    args: flagArgs('CSV output', 'is rendered as CSV'),
  },
  {
    id: '.json',
    group: 'builtin',
    category: 'special',
    patterns: ['.json [true,false]', '.json <true,false> (command)'],
    summary: 'Show output as JSON, by default or for one command',
    doc: paras(
      '`.json` alone prints whether JSON mode is on. `.json true` makes JSON the default for every later command and turns CSV mode off; `.json false` returns to text. `.json true <command>` renders only that command as JSON.',
      'An answer becomes one JSON array with an object per responding host, with the keys `Host`, `Response`, `Header`, `Tabular`, `Error` and `Data`. `Data` is new in 3.1: the VM list for `vm info` (`[]` when there are none), the host figures for `host`, `null` for most other commands. Annotation, sorting and compression do not apply.',
      nsBuiltin,
      'Example:',
      example('.json true vm info'),
      'Quirk: `.json false` only switches JSON off when it is on; otherwise it is a query and prints `false`.',
    ),
    args: flagArgs('JSON output', 'is rendered as JSON'),
    since23: { kind: 'behaviour', from: '.json', note: 'Every JSON answer object has a sixth key, `Data` (`null` for most commands), after `Error`.' },
  },
  {
    id: '.headers',
    group: 'builtin',
    category: 'special',
    patterns: ['.headers [true,false]', '.headers <true,false> (command)'],
    summary: 'Print or hide the header row of tables, by default or for one command',
    doc: paras(
      'Headers are on by default. `.headers` alone prints the setting; `.headers false` hides the header row of tables and CSV output for every later command; `.headers false <command>` for one command only.',
      nsBuiltin,
      'Example (just the VM names, one per line):',
      example('.headers false .columns name vm info'),
    ),
    args: flagArgs('header rows', 'is printed with or without headers'),
  },
  {
    id: '.annotate',
    group: 'builtin',
    category: 'special',
    patterns: ['.annotate [true,false]', '.annotate <true,false> (command)'],
    summary: 'Label answers with the host that produced them, by default or for one command',
    doc: paras(
      'Annotation is on by default: tables get a leading `host` column and plain answers a `<host>: ` prefix. `.annotate` alone prints the setting; `.annotate false` turns it off for every later command; `.annotate true <command>` sets it for one command. JSON output always names the host.',
      nsBuiltin,
      'Example:',
      example('.annotate false', 'vm config memory'),
      "Tip: minimega 3.1's test scripts start with `.annotate false`, which is why their expected outputs show no host names.",
    ),
    args: flagArgs('host annotation', 'is annotated or not'),
  },
  {
    id: '.sort',
    group: 'builtin',
    category: 'special',
    patterns: ['.sort [true,false]', '.sort <true,false> (command)'],
    summary: 'Sort table rows, by default or for one command',
    doc: paras(
      'Sorting of table rows is on by default: rows compare column by column from the left, numbers as numbers and other cells as text. `.sort` alone prints the setting; `.sort false` keeps rows in the order the hosts produced them, for every later command or, followed by a command, for that one.',
      nsBuiltin,
      'Example:',
      example('.sort false vm info'),
    ),
    args: flagArgs('row sorting', 'is sorted or not'),
  },
  {
    id: '.compress',
    group: 'builtin',
    category: 'special',
    patterns: ['.compress [true,false]', '.compress <true,false> (command)'],
    summary: 'Merge identical answers from several hosts into one line, by default or for one command',
    doc: paras(
      'Compression is on by default: when several hosts give the same plain text answer it is printed once, after the compressed list of those hosts (`mm[1-3]: 3.1.0`). 3.1 writes a single numbered host without brackets (`mm3`) and drops zero padding (`foo01` and `foo02` become `foo[1-2]`). Tables and JSON are not affected.',
      "`.compress` alone prints the setting; `.compress false` prints every host's answer on its own line, for every later command or, followed by a command, for that one.",
      nsBuiltin,
      'Example:',
      example('.compress false mesh send all version'),
    ),
    args: flagArgs('compression', 'is compressed or not'),
  },
  {
    id: '.filter',
    group: 'builtin',
    category: 'special',
    patterns: ['.filter <filter> (command)'],
    summary: 'Keep only the table rows whose column matches a condition',
    doc: paras(
      'Runs the nested command and keeps the table rows that satisfy `<column><op><value>`:',
      '- `col=value`: the cell equals the value\n- `col!=value`: the cell differs from the value\n- `col~text`: the cell contains the text\n- `col!~text`: the cell does not contain the text',
      'Column and value are compared in lower case. The column may be abbreviated to any prefix that fits one header (`.filter sta=running` finds `state`); an exact name wins, two candidates give ``ambiguous column `<col>` `` and none ``no such column `<col>` ``. List and object cells such as `vlan` or `tags` match `=` by substring. The column `host` selects whole answers by the host that gave them.',
      'Filters stack, and the order matters with `.columns`: a column removed by an inner `.columns` cannot be filtered on by an outer `.filter`.',
      nsBuiltin,
      'Examples:',
      example('.filter state=running vm info', '.filter name~web .columns name,ip vm info'),
    ),
    args: {
      filter: {
        summary: 'Condition `column=value`, `column!=value`, `column~text` or `column!~text`',
        doc: 'Case-insensitive; the column may be a unique prefix of a header. Example: `state=running` or `name~web`.',
        domain: 'filter',
      },
      command: nestedCommand('is filtered'),
    },
    since23: { kind: 'behaviour', from: '.filter', note: 'Columns can be abbreviated to a unique prefix; two candidates give `ambiguous column`.' },
  },
  {
    id: '.columns',
    group: 'builtin',
    category: 'special',
    patterns: ['.columns <columns as csv> (command)'],
    summary: 'Keep only the listed table columns, in the listed order',
    doc: paras(
      'Runs the nested command and keeps just the given columns of its tables, in the given order; the output uses the full header names. Plain text answers pass through unchanged.',
      'Each name is compared with the lower-cased headers: an exact match wins, otherwise it may be a prefix of exactly one header (`.columns na,sta vm info`). Two candidates give ``ambiguous column `<col>` ``, none ``no such column `<col>` ``. The names you give are not lower-cased, so `.columns Name` finds nothing.',
      nsBuiltin,
      'Example:',
      example('.columns name,state,ip vm info'),
    ),
    args: {
      columns: {
        summary: 'Comma-separated column names or unique prefixes, e.g. `name,state,vlan`',
        doc: 'Lower-case header names, without spaces; a prefix that fits one header is enough. Example: `id,name,state`.',
        domain: 'columns',
      },
      command: nestedCommand('is reduced to the listed columns'),
    },
    since23: { kind: 'behaviour', from: '.columns', note: 'Column names can be abbreviated to a unique prefix; two candidates give `ambiguous column`.' },
  },
  {
    id: '.record',
    group: 'builtin',
    category: 'special',
    patterns: ['.record [true,false]', '.record <true,false> (command)'],
    summary: 'Choose whether commands are recorded in the history, by default or for one command',
    doc: paras(
      '`.record` alone prints whether recording is on (the default). `.record false` stops recording later commands and `.record true` resumes; followed by a command, either applies to that command only.',
      nsBuiltin,
      'Example:',
      example('.record false echo not in the history'),
      'Quirk: `.record false` itself is not recorded.',
    ),
    args: flagArgs('history recording', 'is recorded or not'),
  },
  {
    id: '.preprocess',
    group: 'builtin',
    category: 'special',
    patterns: ['.preprocess [true,false]', '.preprocess <true,false> (command)'],
    summary: 'Turn the expansion of `$VARIABLES` and `file:` arguments on or off',
    doc: paras(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: minimega's own ${VAR} syntax, shown to the user
      'The preprocessor rewrites the arguments of every command before it runs: `$NAME` and `${NAME}` anywhere in an argument become the environment variable (an unset one becomes empty text), `file:<path>`, `http://...` and `https://...` become the path of that file in the files directory, and `tar:<path>` the directory an unpacked tarball holds. It is on by default.',
      '`.preprocess` alone prints the setting; `.preprocess false` leaves arguments as typed for every later command; `.preprocess false <command>` for that command only.',
      nsBuiltin,
      'Example:',
      example('.preprocess false echo $HOME', '.env GREETING hello', 'echo $GREETING world'),
    ),
    args: flagArgs('the preprocessor', 'runs with or without argument expansion'),
    since23: { kind: 'added', note: 'New in 3.1: 2.3 always expanded `$VARIABLES` and `file:` arguments (and failed on unset variables).' },
  },
];
