/**
 * The display copy of a run's transcript (`narrowTables`): `vm info`'s wide
 * table narrowed for an output panel, a note after it naming what it left
 * out, and minimega's own transcript unchanged.
 */
import { describe, expect, it } from 'vitest';
import { runScriptText } from '../../interpreter/api.js';
import { DISPLAY_MAX_COLUMNS } from '../../interpreter/render/display-columns.js';

const note = (left: readonly string[]): string => `# left out: ${left.join(', ')}`;
/** The cells of a table line of the transcript (`a | b | c`). */
const cells = (line: string): string[] => line.split('|').map((c) => c.trim());

describe('narrowTables: a display copy of the transcript', () => {
  const script = 'namespace lab\nnsmod add-host ccc[1-2]\nvm launch kvm a[1-3]\nvm launch\nvm info\n.columns name,state vm info\necho done\n';

  it("leaves minimega's transcript as it is", async () => {
    const plain = await runScriptText(script, { nodes: ['ccc1', 'ccc2'] });
    const both = await runScriptText(script, { nodes: ['ccc1', 'ccc2'], narrowTables: note });
    expect(both.transcript).toBe(plain.transcript);
    expect(plain.display).toBeUndefined();
  });

  it('narrows the wide vm info table and names every column it left out; narrow tables stay whole', async () => {
    const r = await runScriptText(script, { nodes: ['ccc1', 'ccc2'], narrowTables: note });
    const full = r.transcript.split('\n');
    const shown = r.display!.split('\n');
    // The full header, as the simulator prints it (tests of vm info compare it with the spec).
    const fullHeader = cells(full[full.indexOf('## vm info') + 1]!);
    expect(fullHeader.length).toBeGreaterThan(DISPLAY_MAX_COLUMNS);
    const header = cells(shown[shown.indexOf('## vm info') + 1]!);
    expect(header.length).toBeLessThanOrEqual(DISPLAY_MAX_COLUMNS + 1);
    expect(header).toEqual(expect.arrayContaining(['host', 'name', 'state', 'namespace', 'vlan', 'ip']));
    // Rows: one per VM, then the note naming exactly the other columns.
    const rows = shown.slice(shown.indexOf('## vm info') + 2, shown.indexOf('## vm info') + 5);
    expect(rows.map((l) => cells(l)[header.indexOf('name')]).sort()).toEqual(['a1', 'a2', 'a3']);
    const noteLine = shown[shown.indexOf('## vm info') + 5]!;
    expect(noteLine.startsWith('# left out: ')).toBe(true);
    expect([...header, ...noteLine.slice('# left out: '.length).split(', ')].sort()).toEqual([...fullHeader].sort());
    // The rest of the display is the transcript's text.
    const from = (lines: string[]): string => lines.slice(lines.indexOf('## .columns name,state vm info')).join('\n');
    expect(from(shown)).toBe(from(full));
  });

  it("narrows 3.1's vm info too", async () => {
    const r = await runScriptText('# minimega: 3.1\nvm launch kvm a[1-2]\nvm info\n', { name: 'solo', narrowTables: note });
    const shown = r.display!.split('\n');
    const header = cells(shown[shown.indexOf('## vm info') + 1]!);
    expect(header.length).toBeLessThanOrEqual(DISPLAY_MAX_COLUMNS + 1);
    expect(header).toEqual(expect.arrayContaining(['name', 'state']));
    expect(shown[shown.indexOf('## vm info') + 4]).toMatch(/^# left out: .*uuid/);
  });
});
