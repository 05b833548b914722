/**
 * Scope assertions written inside `.mm` fixtures, in the style of
 * vscode-tmgrammar-test. Since `#` starts a minimega comment, a fixture stays a
 * valid script:
 *
 * ```
 * vm config memory 2048
 * #                ^^^^ constant.numeric.minimega
 * # <-- keyword.other.command.minimega          (columns 0-1)
 * #   ^ - keyword.other.command.minimega        (must not carry)
 * ```
 * An assertion applies to the nearest source line above it.
 */

/** One assertion about some columns of a source line. */
export interface ScopeAssertion {
  /** 0-based index of the asserted source line in the file. */
  readonly line: number;
  /** 0-based index of the assertion line itself (for messages). */
  readonly at: number;
  readonly columns: readonly number[];
  readonly present: readonly string[];
  readonly absent: readonly string[];
}

const CARET = /^#(\s*)(\^+)\s+(.*)$/;
const ARROW = /^#\s*<(-+)\s+(.*)$/;

/** True when a fixture line is an assertion rather than source. */
export function isAssertionLine(line: string): boolean {
  return CARET.test(line) || ARROW.test(line);
}

function parseScopes(text: string): { present: string[]; absent: string[] } {
  const [pos, neg] = text.split(/(?:^|\s)-\s+/, 2) as [string, string | undefined];
  const words = (s: string | undefined): string[] => (s ?? '').split(/\s+/).filter((w) => w !== '');
  return { present: words(pos), absent: words(neg) };
}

/** Parses every assertion of a fixture. Throws on an assertion with no source line above it. */
export function parseAssertions(text: string): ScopeAssertion[] {
  const lines = text.split(/\r?\n/);
  const out: ScopeAssertion[] = [];
  let source = -1;
  lines.forEach((line, i) => {
    const caret = CARET.exec(line);
    const arrow = caret ? null : ARROW.exec(line);
    if (!caret && !arrow) {
      source = i;
      return;
    }
    if (source < 0) throw new Error(`line ${i + 1}: assertion before any source line`);
    let columns: number[];
    let scopes: string;
    if (caret) {
      const start = 1 + caret[1]!.length;
      columns = Array.from({ length: caret[2]!.length }, (_, k) => start + k);
      scopes = caret[3]!;
    } else {
      columns = Array.from({ length: arrow![1]!.length }, (_, k) => k);
      scopes = arrow![2]!;
    }
    out.push({ line: source, at: i, columns, ...parseScopes(scopes) });
  });
  return out;
}
