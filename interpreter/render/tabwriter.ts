/**
 * Go's `text/tabwriter` (no flags, no escapes): text is cut into cells at TAB
 * and VT, lines end at LF and FF, and each column block (consecutive lines
 * that have a cell in that column) is padded to its widest cell. The last
 * cell of a line is never part of a column and is written unpadded.
 */

/** The `Init` parameters minicli uses (flags are always 0). */
export interface TabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: ' ' | '\t';
}

interface Cell {
  text: string;
  /** Width in code points, as Go counts runes. */
  width: number;
}

const HAS_TERMINATOR = /[\t\v\n\f]/;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code point count; a lone surrogate counts 1 (Go would see U+FFFD). */
export function runeCount(s: string): number {
  if (!HIGH_SURROGATE.test(s)) return s.length;
  return s.length - (s.match(SURROGATE_PAIRS)?.length ?? 0);
}

const SPACES: string[] = [];
function spaces(n: number): string {
  if (n <= 0) return '';
  if (n < 64) return (SPACES[n] ??= ' '.repeat(n));
  return ' '.repeat(n);
}

/** A tabwriter that collects its output as a string. */
export class Tabwriter {
  private lines: Cell[][] = [[]];
  /** Text of the current, not yet terminated cell. */
  private pending = '';
  private widths: number[] = [];
  private readonly out: string[] = [];

  constructor(private readonly opts: TabwriterOptions) {}

  /** Writes raw text, as `Write` does; may flush completed blocks. */
  write(text: string): void {
    let start = 0;
    for (const m of text.matchAll(/[\t\v\n\f]/g)) {
      this.endCell(this.pending + text.slice(start, m.index), m[0]);
      this.pending = '';
      start = m.index + 1;
    }
    this.pending += text.slice(start);
  }

  /**
   * Same as `write(texts.join('\t') + '\n')`, without rescanning text that
   * holds no terminator (the common case for table rows).
   */
  writeLine(texts: readonly string[]): void {
    if (this.pending !== '' || texts.some((t) => HAS_TERMINATOR.test(t))) {
      this.write(texts.join('\t') + '\n');
      return;
    }
    if (texts.length === 0) {
      this.endCell('', '\n');
      return;
    }
    const line = this.lines[this.lines.length - 1]!;
    const last = texts.length - 1;
    for (let j = 0; j < last; j++) line.push({ text: texts[j]!, width: runeCount(texts[j]!) });
    this.endCell(texts[last]!, '\n');
  }

  /** Flushes everything (as `Flush`) and returns all output written so far. */
  flush(): string {
    if (this.pending !== '') {
      const line = this.lines[this.lines.length - 1]!;
      line.push({ text: this.pending, width: runeCount(this.pending) });
      this.pending = '';
    }
    this.flushLines();
    return this.out.join('');
  }

  private endCell(text: string, terminator: string): void {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text, width: runeCount(text) });
    if (terminator !== '\n' && terminator !== '\f') return;
    this.lines.push([]);
    // Go flushes on FF, and after a one-cell line since it cannot affect any column.
    if (terminator === '\f' || line.length === 1) this.flushLines();
  }

  private flushLines(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  /** Go's recursive `format`: one level per column, blocks of lines per level. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t]!.length - 1) continue;
      this.writeLines(line0, t);
      line0 = t;
      let width = this.opts.minwidth;
      for (; t < line1; t++) {
        const line = this.lines[t]!;
        if (column >= line.length - 1) break;
        const w = line[column]!.width + this.opts.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    const widths = this.widths;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        s += c.text;
        if (j < widths.length) s += this.pad(c.width, widths[j]!);
      }
      // The last buffered line is the unterminated one: no newline for it.
      if (i + 1 !== this.lines.length) s += '\n';
      this.out.push(s);
    }
  }

  private pad(textWidth: number, cellWidth: number): string {
    if (this.opts.padchar === ' ') return spaces(cellWidth - textWidth);
    const tw = this.opts.tabwidth;
    if (tw === 0) return '';
    const rounded = Math.ceil(cellWidth / tw) * tw;
    return '\t'.repeat(Math.ceil((rounded - textWidth) / tw));
  }
}
