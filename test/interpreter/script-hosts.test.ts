/**
 * The hosts a script adds (`nsmod add-host`, 3.1's `ns add-hosts`), which a
 * simulated cluster must have as node names, and the note for minimega's
 * ``unknown host`` answer.
 */
import { describe, expect, it } from 'vitest';
import { runScriptText } from '../../interpreter/api.js';
import { isNodeName, scriptHosts, unknownHostNote } from '../../interpreter/script-hosts.js';
import { unknownHostError, unknownHostIn } from '../../interpreter/unknown-host.js';
import { MAX_CLUSTER_NODES } from '../../interpreter/cluster.js';

describe('scriptHosts', () => {
  it('expands the ranges of `nsmod add-host` as minimega does, in order of first mention, without localhost and all', () => {
    const text = 'namespace lab\nnsmod add-host ccc[1-3],gpu1\nnsmod add-host localhost,ccc2\nnsmod add-host all\n';
    expect(scriptHosts(text)).toEqual(['ccc1', 'ccc2', 'ccc3', 'gpu1']);
  });

  it('takes the hosts of nested commands and of every namespace, but not the hosts a script removes', () => {
    const text = 'namespace a nsmod add-host web[1-2]\nnamespace b\nnsmod del-host old1\nnsmod add-host db1\n';
    expect(scriptHosts(text)).toEqual(['web1', 'web2', 'db1']);
  });

  it("reads 3.1's `ns add-hosts` in a 3.1 script", () => {
    const text = '# minimega: 3.1\nns add-hosts node[1-2],localhost\nns del-hosts node9\n';
    expect(scriptHosts(text)).toEqual(['node1', 'node2']);
  });

  it('has none for a script without hosts, a malformed list, or more hosts than a cluster holds', () => {
    expect(scriptHosts('vm launch kvm a\n')).toEqual([]);
    expect(scriptHosts('namespace x\nnsmod add-host bad[1-\n')).toEqual([]);
    expect(scriptHosts(`namespace x\nnsmod add-host h[1-${MAX_CLUSTER_NODES + 1}]\n`)).toEqual([]);
    expect(scriptHosts(`namespace x\nnsmod add-host h[1-${MAX_CLUSTER_NODES}]\n`)).toHaveLength(MAX_CLUSTER_NODES);
    // A range of hosts too long to list (MAX_INDEXED_RANGE_NAMES): not the other hosts alone.
    expect(scriptHosts('namespace x\nnsmod add-host a\nnsmod add-host h[1-1000000]\n')).toEqual([]);
    // VMs' ranges, however long, leave the hosts listed.
    expect(scriptHosts('namespace x\nvm launch kvm v[1-1000000]\nvm kill w[1-1000000]\nnsmod add-host h[1-2]\n')).toEqual(['h1', 'h2']);
  });

  it('the names it gives make the run work on a cluster of those nodes, where n1..nN fails', async () => {
    const text = 'namespace lab\nnsmod add-host ccc[1-4]\nvm launch kvm a[1-4]\nvm launch\n';
    const failed = await runScriptText(text, { nodes: 4 });
    expect(failed.errors).toEqual([{ line: 2, message: unknownHostError('ccc1') }]);
    const ok = await runScriptText(text, { nodes: scriptHosts(text) });
    expect(ok.errors).toEqual([]);
    expect(ok.placements.map((p) => p.host)).toEqual(['ccc1', 'ccc2', 'ccc3', 'ccc4']);
  });
});

describe('unknown host', () => {
  it("writes and recognises minimega's answer", () => {
    // runtime.md: ``unknown host: `<entry>` ``
    expect(unknownHostError('ccc1')).toBe('unknown host: `ccc1`');
    expect(unknownHostIn('unknown host: `ccc1`')).toBe('ccc1');
    expect(unknownHostIn('VM scheduled on unknown host: `ccc1`')).toBeUndefined();
    expect(unknownHostIn('vm not found: x')).toBeUndefined();
  });

  it('names the host, the nodes and the hosts the script adds', () => {
    const note = unknownHostNote('ccc1', ['n1', 'n2', 'n3'], ['ccc1', 'ccc2']);
    expect(note).toContain('ccc1');
    expect(note).toContain('n[1-3]');
    expect(note).toContain('ccc[1-2]');
    expect(unknownHostNote('gpu1', ['mm'], ['gpu1'])).toContain('mm');
  });

  it('node names: host-name-like words, not all or localhost', () => {
    expect(['ccc1', 'node-2', 'a.b', '_x'].every(isNodeName)).toBe(true);
    expect(['', 'all', 'localhost', '-x', 'a b', 'a/b'].some(isNodeName)).toBe(false);
  });
});
