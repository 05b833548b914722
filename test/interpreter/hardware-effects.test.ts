/**
 * What the hardware-facing commands leave behind outside their transcript:
 * the one file `viz` writes, what `nuke` forgets, and that recording-only
 * commands write nothing on the host. Everything happens in temporary folders.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { lineErrors } from '../../interpreter/transcript.js';
import { createEmbeddedCluster } from '../../interpreter/cluster.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** A node working in a directory of the running test (testTempDir). */
function setup(): { node: SimNode; cwd: string; files: string } {
  const root = testTempDir('mm-effects-');
  const cwd = join(root, 'cwd');
  const files = join(root, 'files');
  mkdirSync(cwd);
  mkdirSync(files);
  return { node: createNode({ name: 'mmhost', cwd, files: { hostDir: files } }), cwd, files };
}

async function run(node: SimNode, lines: string): Promise<string[]> {
  const errors: string[] = [];
  for (const l of lines.split('\n')) errors.push(...lineErrors(await runLine(node, l)));
  return errors;
}

describe('viz', () => {
  it('writes the experiment as a Graphviz graph: VMs coloured by state, joined to their VLANs', async () => {
    const { node, cwd } = setup();
    expect(await run(node, 'vm config net 100 A\nvm launch kvm web\nvm config net 100\nvm launch kvm db\nvm start db\nviz graph.dot')).toEqual([]);
    expect(readFileSync(join(cwd, 'graph.dot'), 'utf8')).toBe(
      [
        'graph minimega {',
        '\t"vlan 100" [shape=box];',
        '\t"vlan A (101)" [shape=box];',
        '\t"mmhost/db" [label="db",style=filled,fillcolor=green];',
        '\t"mmhost/web" [label="web",style=filled,fillcolor=yellow];',
        '\t"mmhost/db" -- "vlan 100";',
        '\t"mmhost/web" -- "vlan 100";',
        '\t"mmhost/web" -- "vlan A (101)";',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('collects the VMs of every host of the active namespace', async () => {
    const root = testTempDir('mm-effects-');
    const c = createEmbeddedCluster(['n1', 'n2', 'n3'], { cwd: root });
    try {
      const head = c.nodes[0]!;
      expect(await run(head, 'namespace lab\nvm launch kvm a[1-2]\nvm launch\nviz lab.dot')).toEqual([]);
      const dot = readFileSync(join(root, 'lab.dot'), 'utf8');
      expect(dot).toContain('"n2/a1" [label="a1",style=filled,fillcolor=yellow];');
      expect(dot).toContain('"n3/a2" [label="a2",style=filled,fillcolor=yellow];');
    } finally {
      await c.close();
    }
  });
});

describe('nuke', () => {
  it('forgets VMs, taps, bridges and every recording, then stops reading', async () => {
    const { node } = setup();
    expect(
      await run(
        node,
        'vm config net 100\nvm launch kvm a\ntap create 200\ncapture pcap bridge mega_bridge x.pcap\ncc exec hostname\nnamespace ns tap create 5\nnuke',
      ),
    ).toEqual([]);
    expect(node.quitRequested).toBe(true);
    expect(node.vms.size).toBe(0);
    expect(node.taps.size).toBe(0);
    expect(node.bridges.size).toBe(0);
    expect(node.namespaces.get('ns')!.taps.size).toBe(0);
    expect(node.hardware.captures.entries).toEqual([]);
    expect(node.hardware.cc.commands).toEqual([]);
  });
});

describe('commands that only record', () => {
  it('write nothing on the host', async () => {
    const { node, cwd, files } = setup();
    const script = [
      'vm launch kvm a',
      'vm start a',
      'vm screenshot a file shot.png',
      'vnc record kb a rec.kb',
      'vnc record fb a rec.fb',
      'capture pcap bridge mega_bridge all.pcap',
      'capture netflow bridge mega_bridge file flows.txt ascii',
      'log file minimega.log',
      'disk create qcow2 disk.qcow2 1G',
      'disk snapshot disk.qcow2 snap.qcow2',
      'vyatta write router.img',
      'vm migrate a a.migrate',
      'debug memory mem.prof',
      'debug cpu start cpu.prof',
      'debug cpu stop',
      'file delete nothing',
    ].join('\n');
    expect(await run(node, script)).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(files)).toEqual([]);
  });
});
