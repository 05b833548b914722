/**
 * S2 and Root (issue 14): commands that open host files (`read`, `write`,
 * `mesh dot`) arriving from a client or a peer of a real `mm node` may only
 * touch its files directory (decision 16), whatever path they name; the
 * node's own scripts keep their paths. Everything happens in temporary
 * directories.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mmBuilt, runMmAsync, startNode, stopAll, type MmProcess } from '../helpers/mm-process.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const procs: MmProcess[] = [];

describe.skipIf(!mmBuilt)('host files from clients and peers', () => {
  // Before the hooks below: made before the nodes start, removed after stopAll.
  const dir = suiteTempDir('mm-sec-files-');
  const files = join(dir, 'files');
  const outside = join(dir, 'outside');
  const url: Record<string, string> = {};
  const client = (name: string, script: string): ReturnType<typeof runMmAsync> =>
    runMmAsync(['run', '--connect', url[name]!, '--keys', 'keys', '-'], dir, script);

  beforeAll(async () => {
    mkdirSync(files);
    mkdirSync(outside);
    writeFileSync(join(outside, 'private.txt'), 'private first line\n');
    writeFileSync(join(files, 'ok.mm'), 'echo from the files directory\n');
    expect((await runMmAsync(['keys', 'keys', 'n1', 'n2'], dir)).code).toBe(0);
    url.n1 = (await startNode('n1', dir, procs, ['--keys', 'keys', '--files-dir', 'files'])).url;
    url.n2 = (await startNode('n2', dir, procs, ['--keys', 'keys', '--files-dir', 'files', '--peer', url.n1!])).url;
  }, 30_000);

  afterAll(() => stopAll(procs));

  const refusal = (path: string): string => `${path}: commands from other nodes and clients may only open files in /tmp/minimega/files`;

  it("refuses a client's read, write and mesh dot outside the files directory", async () => {
    const profile = join(outside, 'profile.sh');
    const r = await client(
      'n1',
      [`read ${join(outside, 'private.txt')}`, `write ${profile}`, `mesh dot ${join(outside, 'mesh.dot')}`, 'write ../escape.txt', ''].join('\n'),
    );
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      `<stdin>:1: E: ${refusal(join(outside, 'private.txt'))}`,
      `<stdin>:2: E: ${refusal(profile)}`,
      `<stdin>:3: E: ${refusal(join(outside, 'mesh.dot'))}`,
      `<stdin>:4: E: ${refusal('../escape.txt')}`,
    ]);
    expect(r.stdout + r.stderr).not.toContain('private first line');
    expect(existsSync(profile) || existsSync(join(outside, 'mesh.dot')) || existsSync(join(dir, 'escape.txt'))).toBe(false);
  });

  it('lets a client use the files directory, by relative or printed path', async () => {
    const r = await client('n1', 'read ok.mm\nwrite history.txt\nmesh dot /tmp/minimega/files/mesh.dot\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('n1: from the files directory\n');
    expect(readFileSync(join(files, 'history.txt'), 'utf8')).toContain('echo from the files directory');
    expect(readFileSync(join(files, 'mesh.dot'), 'utf8')).toContain('"n1" -- "n2"');
  });

  it('refuses the same commands sent on by a peer', async () => {
    const target = join(outside, 'from-peer.txt');
    const r = await client('n1', `.annotate false\nmesh send n2 write ${target}\nmesh send n2 mesh dot ${target}\n`);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([`<stdin>:2: E: ${refusal(target)}`, `<stdin>:3: E: ${refusal(target)}`]);
    expect(existsSync(target)).toBe(false);
  });

  it("keeps the paths of the node's own user (mm run of a local script)", async () => {
    const own = join(outside, 'own-history.txt');
    const r = await runMmAsync(['run', '-'], dir, `echo mine\nwrite ${own}\n`);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(own, 'utf8')).toBe('echo mine');
  });
});
