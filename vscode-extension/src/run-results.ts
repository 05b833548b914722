/**
 * A run's errors as the editor shows them next to the script: one result per
 * line, not one per host (a cluster reports the same failure from every
 * node), labelled as the result of the last run so that no one takes it for
 * a problem the checker found. Pure (no `vscode` import), so it is tested
 * on its own.
 */

/** One line's result: its 1-based line and the text shown. */
export interface LineRunResult {
  readonly line: number;
  readonly message: string;
}

/** Groups errors by line; the same message from several hosts is counted, not repeated. */
export function groupRunErrors(errors: readonly { readonly line: number; readonly message: string }[]): LineRunResult[] {
  const byLine = new Map<number, Map<string, number>>();
  for (const e of errors) {
    let messages = byLine.get(e.line);
    if (!messages) byLine.set(e.line, (messages = new Map()));
    messages.set(e.message, (messages.get(e.message) ?? 0) + 1);
  }
  return [...byLine]
    .sort((a, b) => a[0] - b[0])
    .map(([line, messages]) => ({
      line,
      message: `Last run: ${[...messages].map(([m, n]) => (n > 1 ? `${m} (${n} times)` : m)).join('; ')}`,
    }));
}
