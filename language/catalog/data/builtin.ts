import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

const nsBuiltin =
  'Namespaces: runs on the node where it is typed. The nested command keeps its own behaviour (for example `vm info` still asks every host of the active namespace), and the formatting is applied to the merged answer.';

function nestedCommand(what: string): ArgSpec {
  return {
    summary: `The command whose output ${what}`,
    doc: 'Any complete command line, including other dot-commands, which nest: the innermost runs first and the outermost formats last, so for conflicting settings the outermost wins. Example: `.headers false .columns name vm info`.',
    domain: 'command',
  };
}

function flagArgs(setting: string, what: string): Record<string, ArgSpec> {
  return {
    true: {
      summary: `Turn ${setting} on (for the nested command only, when one follows)`,
      doc: `Without a nested command this changes the default for every later command; with one it applies only to that command's output.`,
    },
    false: {
      summary: `Turn ${setting} off (for the nested command only, when one follows)`,
      doc: `Without a nested command this changes the default for every later command; with one it applies only to that command's output.`,
    },
    command: nestedCommand(what),
  };
}

/** Handlers of the `builtin` family, in minimega 2.3 registration order. */
export const builtinHandlers: readonly HandlerSpec[] = [
  {
    id: '.csv',
    group: 'builtin',
    category: 'special',
    patterns: ['.csv [true,false]', '.csv <true,false> (command)'],
    summary: 'Show table output as comma-separated values, by default or for one command',
    doc: paras(
      "Switches table output to CSV. `.csv` alone prints `true` or `false` (whether CSV mode is on). `.csv true` makes CSV the default for every later command and turns JSON mode off; `.csv false` returns to the normal text tables. `.csv true <command>` renders only that command's output as CSV.",
      'CSV changes tables only; plain text answers print as usual. The header row is printed unless `.headers false` is in effect, a leading `host` column is added while annotation is on, and rows are sorted as usual. A field is quoted when it contains a comma, a double quote or a line break, or starts with a space.',
      nsBuiltin,
      'Example:',
      example('.csv true .columns name,state vm info'),
      '2.3 quirk: `.csv false` is only a query when CSV mode is not on: it prints `false` and changes nothing.',
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
      "Switches output to JSON. `.json` alone prints `true` or `false` (whether JSON mode is on). `.json true` makes JSON the default for every later command and turns CSV mode off; `.json false` returns to normal text. `.json true <command>` renders only that command's output as JSON.",
      'Each answer becomes one compact JSON array with one object per responding host, with the keys `Host`, `Response`, `Header`, `Tabular` and `Error` in that order. Annotation, sorting and compression do not apply, and `Host` is always present. Errors are printed as usual and are also included in the JSON.',
      nsBuiltin,
      'Example:',
      example('.json true vm info'),
      '2.3 quirks: `.json true` itself already answers in JSON (an object with an empty `Response`). `.json false` is only a query when JSON mode is not on: it prints `false` and changes nothing.',
    ),
    args: flagArgs('JSON output', 'is rendered as JSON'),
  },
  {
    id: '.headers',
    group: 'builtin',
    category: 'special',
    patterns: ['.headers [true,false]', '.headers <true,false> (command)'],
    summary: 'Print or hide the header row of tables, by default or for one command',
    doc: paras(
      'Controls whether tables (and CSV output) start with their header row. Headers are on by default. `.headers` alone prints the current setting (`true` or `false`); `.headers false` hides headers for every later command; `.headers false <command>` hides them for that command only.',
      nsBuiltin,
      'Example (prints just the VM names, one per line):',
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
      'Controls annotation, which is on by default: tables get a leading `host` column, plain answers are prefixed with `<host>: `, and merged identical answers with a compressed host list such as `n[1-2]: `. `.annotate` alone prints the current setting; `.annotate false` turns it off for every later command; `.annotate true <command>` sets it for one command. JSON output always carries the host and ignores this setting.',
      nsBuiltin,
      'Example:',
      example('.annotate false', 'vm config memory'),
      "Tip: minimega's own test suite starts with `.annotate false`, which is why its expected outputs show no host names. Start `mm` with `--name` to make annotated output reproducible.",
      '2.3 quirk: with a nested `.filter host=...` that drops the first answer, an `.annotate` placed inside the filter is lost; put `.annotate` outside (`.annotate true .filter host=h2 vm info`).',
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
      'Controls sorting of table and CSV rows, which is on by default. Rows are compared column by column from the left (the `host` column first when annotation is on); two cells that both look like integers compare as numbers, anything else compares as text, case-sensitively (so names sort as `S2, a, s1, s10, s9` and memory as `64, 128, 1024`). Plain text answers are never sorted.',
      '`.sort` alone prints the current setting; `.sort false` keeps rows in the order the hosts produced them for every later command; `.sort false <command>` does so for one command.',
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
      'Controls compression, which is on by default. When several hosts give the same plain text answer it is printed once, prefixed with the compressed list of those hosts (`n[1-3]: minimega 2.3`); with annotation off identical answers collapse to a single line. Tables and JSON output are not affected.',
      "`.compress` alone prints the current setting; `.compress false` prints every host's answer on its own line for every later command; `.compress false <command>` does so for one command.",
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
      'Runs the nested command and keeps only the table rows that satisfy the filter `<column><op><value>`:',
      '- `col=value`: the cell equals the value\n- `col!=value`: the cell does not equal the value\n- `col~text`: the cell contains the text\n- `col!~text`: the cell does not contain the text',
      'Column names and values are compared case-insensitively. Cells that hold a list `[...]` or a JSON object `{...}` (such as `vlan`, `ip` or `tags` in `vm info`) match `=` by substring, so `tags=red` matches `{"color":"red"}`. The special column `host` keeps or drops whole answers by the name of the host that produced them, and also works on plain text answers. Plain text answers are otherwise passed through unchanged.',
      'A filter that leaves no rows prints nothing, not even the header. An unknown column gives ``no such column `<col>` ``, and a filter that is not exactly one `column<op>value` gives `invalid filter, see help` without running the command. Filters stack: `.filter state=running .filter name~web vm info`.',
      nsBuiltin,
      'Examples:',
      example('.filter state=running vm info', '.columns name,ip .filter vlan~web vm info', '.filter host=node2 host'),
      'Order matters with `.columns`: `.columns name .filter vcpus=4 vm info` works, but `.filter vcpus=4 .columns name vm info` fails because the inner `.columns` already removed `vcpus`. `name=` matches only empty cells, `name~` matches every row, and `a=b=c` is an invalid filter.',
    ),
    args: {
      filter: {
        summary: 'Condition `column=value`, `column!=value`, `column~text` or `column!~text`',
        doc: 'Case-insensitive. `=`/`!=` compare whole cells (substring for list and object cells), `~`/`!~` look for a substring. The column `host` matches the answering host. Example: `state=running`, `name~web`, `tags~color`.',
        domain: 'filter',
      },
      command: nestedCommand('is filtered'),
    },
  },
  {
    id: '.columns',
    group: 'builtin',
    category: 'special',
    patterns: ['.columns <columns as csv> (command)'],
    summary: 'Keep only the listed table columns, in the listed order',
    doc: paras(
      'Runs the nested command and rebuilds every table of its output with just the given columns, in the given order. Column names are exact and case-sensitive (`NAME` is not `name`) and may repeat. Plain text answers pass through unchanged.',
      'An unknown column gives ``no such column `<col>` ``, but only when the table has rows: on an empty table nothing is checked and nothing is printed. `host` is not a real column (annotation adds it at print time), so `.columns name,host vm info` fails; use `.annotate` instead.',
      nsBuiltin,
      'Example:',
      example('.columns name,state,ip vm info'),
      '2.3 quirk: a trailing comma asks for a column with an empty name, so `.columns name, vm info` fails with a `no such column` error.',
    ),
    args: {
      columns: {
        summary: 'Comma-separated column names, e.g. `name,state,vlan`',
        doc: "Exact, case-sensitive header names of the nested command's table, without spaces. Duplicates are allowed. Example: `id,name,state`.",
        domain: 'columns',
      },
      command: nestedCommand('is reduced to the listed columns'),
    },
  },
  {
    id: '.record',
    group: 'builtin',
    category: 'special',
    patterns: ['.record [true,false]', '.record <true,false> (command)'],
    summary: 'Choose whether commands are recorded in the history, by default or for one command',
    doc: paras(
      'Controls the command history (see `history`). `.record` alone prints whether recording is on (the default). `.record false` stops recording the commands that follow; `.record true` resumes. `.record false <command>` runs one command without recording it, and `.record true <command>` records it as a whole.',
      nsBuiltin,
      'Example:',
      example('.record false echo not in the history'),
      '2.3 quirks: `.record false` and the bare query are never recorded themselves, and `.record true` is recorded only when recording was already on when it was typed.',
    ),
    args: flagArgs('history recording', 'is recorded or not'),
  },
  {
    id: '.alias',
    group: 'builtin',
    category: 'local',
    role: 'alias',
    patterns: ['.alias', '.alias <alias>...'],
    summary: 'List aliases, or define a shorthand that expands at the start of a line',
    doc: paras(
      '`.alias` prints the table of aliases (`alias | expansion`), or nothing when there are none. `.alias <name>=<expansion>` defines or replaces an alias: before a line is parsed, if it starts with an alias name, that text is replaced by its expansion. The words after `.alias` are joined with single spaces and split at the first `=`.',
      'Expansion is plain text replacement of a prefix, at most one alias per line and with no word boundary: after `.alias ec=echo pre`, the line `ecfoo bar` becomes `prefoo bar`. Aliases also expand in nested commands. The history records the expanded line.',
      nsLocal + ' Aliases belong to the node where they were defined and are not sent over the mesh.',
      'Example:',
      example('.alias vmr=.columns name .filter state=running vm info', 'vmr'),
      'Without `=` the answer is ``expected alias of format `alias=expansion` ``. Spaces around `=` are kept: `.alias x = y` defines the name `x ` (with a trailing space), which `.unalias x` cannot remove.',
    ),
    args: {
      alias: {
        summary: '`name=expansion`, the text that replaces `name` at the start of a line',
        doc: 'Everything after `.alias`, joined with single spaces and split at the first `=`. Neither side is trimmed. Example: `vmr=.columns name vm info`.',
        domain: 'alias',
      },
    },
  },
  {
    id: '.unalias',
    group: 'builtin',
    category: 'local',
    role: 'unalias',
    patterns: ['.unalias <alias>'],
    summary: 'Remove an alias',
    doc: paras(
      'Deletes the alias with exactly this name. Removing a name that is not defined is not an error and prints nothing.',
      nsLocal,
      'Example:',
      example('.unalias vmr'),
    ),
    args: {
      alias: {
        summary: 'Name of the alias to remove',
        doc: 'The exact name used in `.alias`, e.g. `vmr`.',
        domain: 'alias',
      },
    },
  },
];
