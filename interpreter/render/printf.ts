/**
 * Go's `fmt.Sprintf(format)` with no arguments. minicli 2.3 writes every table
 * cell and header with `fmt.Fprintf(w, cell)`, so `%` sequences in data are
 * interpreted as verbs that lack operands. This mirrors `fmt.(*pp).doPrintf`
 * for the zero-argument case only.
 */

const BAD_WIDTH = '%!(BADWIDTH)';
const BAD_PREC = '%!(BADPREC)';
const NO_VERB = '%!(NOVERB)';

/** Go's fmt caps parsed numbers at 1e6; beyond that the rest of the format is skipped. */
const TOO_LARGE = 1_000_000;

interface ArgIndex {
  /** Position after the `[n]` (or after what Go consumed of a malformed one). */
  i: number;
  /** Go's `found`: a well-formed `[n]` was read (it is still out of range). */
  found: boolean;
  /** True when a `[` was seen: with no arguments every index is bad. */
  bad: boolean;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Go's `parsenum`: returns the index after the digits, or `end` on overflow. */
function parseNum(s: string, start: number, end: number): { isNum: boolean; next: number } {
  if (start >= end) return { isNum: false, next: end };
  let num = 0;
  let i = start;
  let isNum = false;
  for (; i < end && isDigit(s.charCodeAt(i)); i++) {
    if (num > TOO_LARGE) return { isNum: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 0x30);
    isNum = true;
  }
  return { isNum, next: i };
}

/** Go's `argNumber` + `parseArgNumber` with zero operands. */
function argNumber(s: string, i: number): ArgIndex {
  if (i >= s.length || s[i] !== '[') return { i, found: false, bad: false };
  // Go needs at least 3 bytes ("[n]") before it looks for the closing bracket.
  if (s.length - i < 3) return { i: i + 1, found: false, bad: true };
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === ']') {
      const n = parseNum(s, i + 1, j);
      return { i: j + 1, found: n.isNum && n.next === j, bad: true };
    }
  }
  return { i: i + 1, found: false, bad: true };
}

const FLAG_CHARS = '#0+- ';

/**
 * One directive starting just after a `%` at `start`: what Go prints for it
 * and where scanning resumes (`end` of input when the verb is missing).
 */
function directive(format: string, start: number): { text: string; next: number } {
  const end = format.length;
  let out = '';
  let i = start;
  while (i < end && FLAG_CHARS.includes(format[i]!)) i++;
  let idx = argNumber(format, i);
  i = idx.i;
  let good = !idx.bad;
  let afterIndex = idx.found;
  if (i < end && format[i] === '*') {
    i++;
    out += BAD_WIDTH;
    afterIndex = false;
  } else {
    const n = parseNum(format, i, end);
    i = n.next;
    if (afterIndex && n.isNum) good = false;
  }
  // Go reads a precision only when something follows the dot.
  if (i + 1 < end && format[i] === '.') {
    i++;
    if (afterIndex) good = false;
    idx = argNumber(format, i);
    i = idx.i;
    good &&= !idx.bad;
    afterIndex = idx.found;
    if (i < end && format[i] === '*') {
      i++;
      out += BAD_PREC;
      afterIndex = false;
    } else {
      i = parseNum(format, i, end).next;
    }
  }
  if (!afterIndex) {
    idx = argNumber(format, i);
    i = idx.i;
    good &&= !idx.bad;
  }
  if (i >= end) return { text: out + NO_VERB, next: end };
  const verb = String.fromCodePoint(format.codePointAt(i)!);
  // `%` absorbs no operand and ignores width/precision, so it prints even here.
  if (verb === '%') return { text: out + '%', next: i + 1 };
  return { text: `${out}%!${verb}${good ? '(MISSING)' : '(BADINDEX)'}`, next: i + verb.length };
}

/**
 * Formats `format` as Go's `fmt.Sprintf(format)` would with no operands:
 * `%%` → `%`, `50%d` → `50%!d(MISSING)`, trailing `%` → `%!(NOVERB)`, `*` →
 * `%!(BADWIDTH)`/`%!(BADPREC)`, `%[1]v` → `%!v(BADINDEX)`.
 */
export function goSprintfNoArgs(format: string): string {
  let pct = format.indexOf('%');
  if (pct < 0) return format;
  let out = '';
  let i = 0;
  while (pct >= 0) {
    const d = directive(format, pct + 1);
    out += format.slice(i, pct) + d.text;
    i = d.next;
    pct = format.indexOf('%', i);
  }
  return out + format.slice(i);
}
