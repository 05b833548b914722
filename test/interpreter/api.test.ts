import { describe, expect, it } from 'vitest';
import { runScriptText } from '../../interpreter/api.js';

describe('runScriptText', () => {
  it('runs on one node and returns the transcript, errors and placements', async () => {
    const r = await runScriptText('.annotate false\nvm launch kvm a[1-2]\nvm start nosuch\n.columns name vm info\n', { name: 'solo' });
    expect(r.transcript).toBe(
      '## .annotate false\n## vm launch kvm a[1-2]\n## vm start nosuch\nE: vm not found: nosuch\n## .columns name vm info\nname\na1\na2\n',
    );
    expect(r.errors).toEqual([{ line: 3, message: 'vm not found: nosuch' }]);
    expect(r.exitCode).toBe(1);
    expect(r.placements).toEqual([{ host: 'solo', vms: ['a1', 'a2'] }]);
  });

  it('spreads a namespace launch over an embedded cluster', async () => {
    const r = await runScriptText('namespace ns\nvm launch kvm 10\nvm launch\n', { nodes: 4 });
    expect(r.exitCode).toBe(0);
    expect(r.placements.map((p) => [p.host, p.vms.length])).toEqual([
      ['n1', 0],
      ['n2', 4],
      ['n3', 3],
      ['n4', 3],
    ]);
  });

  it('stops at a line that does not parse', async () => {
    const r = await runScriptText('echo a\nvm lanch x\necho b\n', { name: 'solo' });
    expect(r.errors).toEqual([{ line: 2, message: 'invalid command: `vm lanch x`' }]);
    expect(r.transcript).not.toContain('## echo b');
  });

  it("follows the script's `# minimega: 3.1` line, or the dialect it is given", async () => {
    // 3.1: a new namespace holds the mesh peers; `vm launch` places at once, least loaded first.
    const r = await runScriptText('# minimega: 3.1\n.annotate false\nnamespace lab\nns hosts\nvm launch kvm a[1-4]\n', { nodes: 3 });
    expect(r.transcript).toBe('## # minimega: 3.1\n## .annotate false\n## namespace lab\n## ns hosts\nn[2-3]\n## vm launch kvm a[1-4]\n');
    expect(r.placements).toEqual([
      { host: 'n1', vms: [] },
      { host: 'n2', vms: ['a2', 'a4'] },
      { host: 'n3', vms: ['a1', 'a3'] },
    ]);
    const given = await runScriptText('ns hosts\n', { name: 'solo', dialect: '3.1' });
    expect(given.transcript).toBe('## ns hosts\nsolo: solo\n');
    const plain = await runScriptText('ns hosts\n', { name: 'solo' });
    expect(plain.errors).toEqual([{ line: 1, message: 'invalid command: `ns hosts`' }]);
  });
});
