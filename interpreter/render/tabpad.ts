/**
 * The tab-padded tabwriter of minicli's help short list (6.2.1): minwidth 0,
 * tabwidth 8, padding 0, TAB padding. A cell of length L in a column whose
 * longest cell rounds up to W (a multiple of 8) is followed by
 * ceil((W − L) / 8) tabs; the last cell of each row is not padded.
 */
import { compareBytes } from '../../language/index.js';
import { Tabwriter } from './tabwriter.js';

const TAB_PAD_OPTIONS = { minwidth: 0, tabwidth: 8, padding: 0, padchar: '\t' } as const;

/** First line of the help short list. */
export const HELP_SHORT_LIST_TITLE = 'Display help on a command. Here is a list of commands:';

/**
 * Renders rows through the tab-padding tabwriter; each row is written as
 * its cells joined by TAB and ends with LF (so the result ends with LF).
 */
export function renderTabPadded(rows: readonly (readonly string[])[]): string {
  const tw = new Tabwriter(TAB_PAD_OPTIONS);
  for (const row of rows) tw.writeLine(row);
  return tw.flush();
}

/** One help entry: the command (or pattern) key and its short help. */
export interface HelpEntry {
  key: string;
  short: string;
}

/**
 * The whole help short list, ending with LF (the renderer trims it later).
 * Entries are sorted by key in byte order; each is written as Go's
 * `Println(key, "\t", ":\t", short, "\t")`, i.e. `key ⇥ :⇥ short ⇥⏎`.
 */
export function renderHelpShortList(entries: readonly HelpEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareBytes(a.key, b.key));
  const tw = new Tabwriter(TAB_PAD_OPTIONS);
  // Println separates operands with spaces; short texts may hold tabs, so write raw.
  for (const e of sorted) tw.write(`${e.key} \t :\t ${e.short} \t\n`);
  return HELP_SHORT_LIST_TITLE + '\n' + tw.flush();
}
