/**
 * A diagnostic as compilers print it: the source line under the message,
 * a caret under the range, colour on a terminal. Control characters from the
 * source are escaped, and a long line is cut to a window around the range,
 * so what is printed stays bounded whatever the input.
 */
import type { Range, Severity } from '../language/index.js';
import { escapeControls, hasControls } from './cli-io.js';

/** Characters of a source line shown around the range at most. */
const EXCERPT_WIDTH = 100;

/** ANSI styles, or none. */
export interface Palette {
  readonly bold: (s: string) => string;
  readonly severity: (severity: Severity, s: string) => string;
  readonly dim: (s: string) => string;
}

const plain: Palette = { bold: (s) => s, severity: (_v, s) => s, dim: (s) => s };

const SEVERITY_COLOUR: Readonly<Record<Severity, string>> = { error: '31', warning: '33', info: '36', hint: '36' };

const ansi: Palette = {
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
  severity: (v, s) => `\x1b[1;${SEVERITY_COLOUR[v]}m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
};

/** The colour choice of `--color=auto|always|never`. */
export type ColorChoice = 'auto' | 'always' | 'never';

/**
 * Colour or not: `always` and `never` decide; `auto` means colour only on a
 * terminal and when `NO_COLOR` is not set (https://no-color.org).
 */
export function choosePalette(choice: ColorChoice, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Palette {
  if (choice === 'always') return ansi;
  if (choice === 'never') return plain;
  return isTTY && !env.NO_COLOR ? ansi : plain;
}

/**
 * The text of problems: for each, its header line `FILE:LINE:COL: severity:
 * message [code]` and the excerpt under it, the line (numbered) and a caret
 * line marking the range (`^` at its start, `~` over the rest of it on that
 * line). A report holds thousands of problems, mostly of one file and few
 * codes: what repeats is made once.
 */
export class ProblemText {
  private file: string | undefined;
  private where = '';
  /** Each severity's `severity:` and each code's `[code]`, coloured. */
  private readonly severities = new Map<Severity, string>();
  private readonly codes = new Map<string, string>();

  constructor(private readonly p: Palette) {}

  /** A problem's header line and excerpt, each line ended by a newline. */
  problem(file: string, range: Range, severity: Severity, message: string, code: string, source: string): string {
    if (file !== this.file) {
      this.file = file;
      this.where = escapeControls(file);
    }
    const p = this.p;
    const lineNo = String(range.start.line + 1);
    const header = `${p.bold(`${this.where}:${lineNo}:${range.start.character + 1}:`)} ${this.severityLabel(severity)} ${escapeControls(message)} ${this.codeLabel(code)}`;
    return `${header}\n${p.dim(`${lineNo} |`)} ${this.excerpt(p, source, range, severity, lineNo.length)}\n`;
  }

  private severityLabel(severity: Severity): string {
    let out = this.severities.get(severity);
    if (out === undefined) this.severities.set(severity, (out = this.p.severity(severity, `${severity}:`)));
    return out;
  }

  private codeLabel(code: string): string {
    let out = this.codes.get(code);
    if (out === undefined) this.codes.set(code, (out = this.p.dim(`[${code}]`)));
    return out;
  }

  /** The source line (cut to a window around the range's start) and, on the next line, the caret under the range. */
  private excerpt(p: Palette, source: string, range: Range, severity: Severity, gutter: number): string {
    const start = Math.min(range.start.character, source.length);
    const end = range.end.line === range.start.line ? Math.max(Math.min(range.end.character, source.length), start + 1) : Math.max(source.length, start + 1);
    const from = source.length <= EXCERPT_WIDTH ? 0 : Math.max(0, Math.min(start - 20, source.length - EXCERPT_WIDTH));
    const to = Math.min(source.length, from + EXCERPT_WIDTH);
    const head = from > 0 ? '...' : '';
    const tail = to < source.length ? '...' : '';
    const window = from === 0 && to === source.length ? source : source.slice(from, to);
    let shown: string;
    let caretAt: number;
    let caretLen: number;
    if (!hasControls(window)) {
      // The usual line: every character is one column (tabs shown as a space), so no per-character work.
      shown = window.includes('\t') ? window.replace(/\t/g, ' ') : window;
      caretAt = Math.min(start, to) - from;
      caretLen = Math.max(0, Math.min(end, to) - start);
    } else {
      // Each source character shows as one column (tabs as a space; controls escaped, so wider).
      shown = '';
      caretAt = 0;
      caretLen = 0;
      for (let i = from; i < to; i++) {
        const ch = source[i]!;
        const cell = ch === '\t' ? ' ' : escapeControls(ch);
        if (i < start) caretAt += cell.length;
        else if (i < end) caretLen += cell.length;
        shown += cell;
      }
    }
    caretLen = Math.max(1, Math.min(caretLen, EXCERPT_WIDTH));
    const caret = `${this.spaces.of(head.length + caretAt)}${p.severity(severity, this.carets.of(caretLen - 1))}`;
    return `${head}${shown}${tail}\n${p.dim(this.gutters.of(gutter))} ${caret}`;
  }

  // What the excerpts repeat, by width (each at most EXCERPT_WIDTH and a few wide).
  private readonly spaces = new ByWidth((n) => ' '.repeat(n));
  private readonly carets = new ByWidth((n) => `^${'~'.repeat(n)}`);
  private readonly gutters = new ByWidth((n) => `${' '.repeat(n)} |`);
}

/** Strings made by width once (a report of thousands of problems pads with a few dozen). */
class ByWidth {
  private readonly made: (string | undefined)[] = [];
  constructor(private readonly make: (width: number) => string) {}
  of(width: number): string {
    return (this.made[width] ??= this.make(width));
  }
}
