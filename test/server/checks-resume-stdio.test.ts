/**
 * The script checks resumed after an edit, as an editor sees them: the
 * server over stdio keeps each run's stops (language/validation/
 * checks-state.ts) and resumes the next run at the last one before the
 * edit. Every version it publishes after edits near the end, the middle and
 * the top of a 9,000-line launch-heavy script equals what a fresh server
 * publishes for the same text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { startServer, type TestClient } from './helpers/lsp-client.js';

const uri = 'file:///tmp/checks-resume/long.mm';

/** Namespaces entered and left, launches that repeat names (duplicates), queues flushed. */
function script(): string[] {
  const lines = ['# a long experiment'];
  for (let i = 1; lines.length < 9000; i++) {
    lines.push(
      `namespace exp${i % 40}`,
      `vm launch kvm web${i % 7}`,
      `vm launch kvm db[1-${1 + (i % 3)}]`,
      'vm config memory 512',
      i % 5 === 0 ? 'vm launch' : '# note',
    );
  }
  return lines;
}

const shown = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);

describe('script checks resumed by the language server over stdio', () => {
  const clients: TestClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.stop();
  });

  it('publishes after each edit what a fresh server publishes for the edited text', async () => {
    const server = await startServer();
    clients.push(server);
    const lines = script();
    await server.open(uri, `${lines.join('\n')}\n`);
    // Launches and a namespace changed (lines the checks cannot pass over) near the end, in the
    // middle and near the top: each run resumes at a different stop.
    const edits: [number, string][] = [
      [8700, 'vm launch kvm web1'],
      [4500, 'vm launch kvm zz'],
      [6100, 'namespace exp3'],
      [30, 'vm launch kvm web2'],
    ];
    for (const [at, text] of edits) {
      const got = await server.change(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: lines[at]!.length } }, text }]);
      lines[at] = text;
      const fresh = await startServer();
      clients.push(fresh);
      const expected = await fresh.open(`file:///tmp/checks-resume/fresh-${at}.mm`, `${lines.join('\n')}\n`);
      expect(shown(got.diagnostics), `after the edit of line ${at}`).toEqual(shown(expected.diagnostics));
      expect(got.diagnostics.some((d) => d.code === 'script/duplicate-launch')).toBe(true);
      await fresh.stop();
      clients.pop();
    }
  }, 120_000);
});
