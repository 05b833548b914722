/**
 * Whether an open `.mm` document is a minimega script at all. `.mm` is also
 * the extension of Objective-C++ sources, and checking one as minimega paints
 * every line red. The verdict reads the document's first lines only (a fixed
 * number, so its cost does not grow with the file): a script says so through
 * its dialect directive or through commands; an Objective-C++ file through
 * preprocessor lines and C-shaped lines that no minimega command starts.
 */
import { Codes, type Line } from '../language/index.js';

/** How many non-empty lines the verdict reads. */
const SNIFF_LINES = 40;

/** Fewer foreign lines than this never make a document foreign (a script being typed has a few). */
const MIN_FOREIGN = 3;

// C's preprocessor: minimega reads these as comments, but no script writes them.
const PREPROCESSOR = /^[ \t]*#[ \t]*(?:import|include|define|undef|if|ifdef|ifndef|elif|else|endif|pragma|error|warning)\b/;
// The C family's shapes: comments, Objective-C's `@` words and method heads, braces, and statements ending in `;`.
// A line that fails as minimega without one of these is a mistake in a script, not another language.
const C_FAMILY = /^[ \t]*(?:\/\/|\/\*|\*|@|[{}]|[-+][ \t]*\()|[;{}][ \t]*$/;

/** What the first lines of a document look like. */
export interface SniffCounts {
  /** Lines that are minimega commands: matched, or failing the way a line of a script does. */
  readonly minimega: number;
  /** Preprocessor lines, and lines in the C family's shapes whose first word is no minimega command. */
  readonly foreign: number;
}

/**
 * Counts the first `SNIFF_LINES` non-empty lines. A command of the other
 * dialect fails with its own code (`match/other-dialect`), so a script
 * written for the other dialect still counts as a script.
 */
export function sniffLines(lines: readonly Line[]): SniffCounts {
  let minimega = 0;
  let foreign = 0;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < SNIFF_LINES; i++) {
    const line = lines[i]!;
    if (line.status === 'empty') continue;
    seen++;
    if (line.status === 'command') minimega++;
    else if (line.status === 'comment') foreign += PREPROCESSOR.test(line.text) ? 1 : 0;
    else if (C_FAMILY.test(line.text) && line.diagnostics.some((d) => d.code === Codes.unknownCommand)) foreign++;
    else minimega++;
  }
  return { minimega, foreign };
}

/** True when the counts say the document is clearly something else: several foreign lines, and four times as many as commands. */
export function isForeign(counts: SniffCounts): boolean {
  return counts.foreign >= MIN_FOREIGN && counts.foreign >= 4 * counts.minimega;
}
