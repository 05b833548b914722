import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `builtin` family from `.alias` on, in minimega 3.1 registration order. */
export const builtinAliasHandlers: readonly HandlerSpec[] = [
  {
    id: '.alias',
    group: 'builtin',
    category: 'local',
    role: 'alias',
    patterns: ['.alias', '.alias <alias>...'],
    summary: 'List aliases, or define a shorthand for the first word of lines typed at the prompt',
    doc: paras(
      '`.alias` prints the aliases as a table `alias | expansion`, or nothing when there are none. `.alias <name>=<expansion>` defines or replaces one; the words after `.alias` are joined with single spaces and split at the first `=`.',
      'In 3.1 an alias only replaces the first word of a line, and only when that word is exactly the alias name: after `.alias vmr=vm info`, `vmr summary` runs `vm info summary`, but `vmrx` stays `vmrx`. Only lines typed at the interactive prompt or sent over the command socket (`minimega -e`, `-attach`, minitest) are expanded; the prompt trims the line first, the socket does not, so a socket line that starts with a space is never expanded.',
      'Never expanded: lines of a file run with `read`, nested commands (`.columns name vmr`, `namespace dev vmr`) and commands arriving from other nodes. A `.mm` file that defines an alias and then uses it therefore fails at that line in 3.1.',
      nsNode + ' Aliases are not sent over the mesh.',
      'Example:',
      example('.alias vmr=.columns name .filter state=running vm info', '.alias'),
      'Without `=` the answer is ``expected alias of format `alias=expansion` ``.',
    ),
    args: {
      alias: {
        summary: '`name=expansion`: the word to replace and what replaces it',
        doc: 'Everything after `.alias`, joined with single spaces and split at the first `=`. Example: `vmr=vm info`.',
        domain: 'alias',
      },
    },
    quirks: [
      'Aliases expand only at the prompt and on the command socket, never in `read` files or nested commands',
      'On the command socket a line that starts with white space is never expanded',
    ],
    since23: {
      kind: 'behaviour',
      from: '.alias',
      note: 'Only an exact first word is replaced, and only at the prompt and the socket: not in `read` files, nested commands or mesh commands.',
    },
  },
  {
    id: '.unalias',
    group: 'builtin',
    category: 'local',
    role: 'unalias',
    patterns: ['.unalias <alias>'],
    summary: 'Remove an alias',
    doc: paras('Deletes the alias with exactly this name. An unknown name is not an error and prints nothing.', nsNode, 'Example:', example('.unalias vmr')),
    args: {
      alias: {
        summary: 'Name of the alias to remove',
        doc: 'The exact name used in `.alias`, e.g. `vmr`.',
        domain: 'alias',
      },
    },
  },
  {
    id: '.env',
    group: 'builtin',
    category: 'local',
    patterns: ['.env [name]', '.env <name> <value>'],
    summary: 'Show or change the environment variables of the minimega process',
    doc: paras(
      '- `.env` prints every environment variable of the minimega process as a table `key | value`.\n- `.env <name>` prints one variable.\n- `.env <name> <value>` sets it; `.env <name> ""` unsets it.',
      'Later commands see the change through the preprocessor (`$NAME` in their arguments) and through the programs they start.',
      nsNode,
      'Example:',
      example('.env LAB_DIR /srv/lab', 'echo $LAB_DIR'),
    ),
    args: {
      name: {
        summary: 'Environment variable name; omit to list them all',
        doc: 'Example: `LAB_DIR`.',
      },
      value: {
        summary: 'New value; `""` unsets the variable',
        doc: 'One word; quote it to include spaces. Example: `/srv/lab`.',
      },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
];
