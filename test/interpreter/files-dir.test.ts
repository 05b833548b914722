/**
 * The files directory (decision 16): what exists for the simulator, what
 * it lists, and which host files a command may open depending on who sent
 * it. Everything happens in temporary folders.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FilesDir, OpenRefused, openPath } from '../../interpreter/files-dir.js';
import { createNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { lineErrors, transcriptOf } from '../../interpreter/transcript.js';
import { createTestMesh, transcript, type TestMesh } from './mesh-helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** A directory of the running test (testTempDir) with a files directory and a working directory in it. */
function tempDirs(): { root: string; files: string; cwd: string } {
  const root = testTempDir('mm-files-');
  const files = join(root, 'files');
  const cwd = join(root, 'cwd');
  mkdirSync(join(files, 'sub'), { recursive: true });
  mkdirSync(cwd);
  writeFileSync(join(files, 'a.txt'), 'abc');
  writeFileSync(join(files, 'sub', 'b.txt'), 'b');
  return { root, files, cwd };
}

describe('the files directory as the simulator sees it', () => {
  it('prints minimega paths and resolves them as 2.3 does', () => {
    const f = new FilesDir();
    expect(f.path).toBe('/tmp/minimega/files');
    expect(f.resolve('x/../y.pcap')).toBe('/tmp/minimega/files/y.pcap');
    expect(f.resolve('/abs//x')).toBe('/abs//x');
    expect(f.under('/abs/x')).toBe('/tmp/minimega/files/abs/x');
    expect(f.inside('/tmp/minimega/files/sub/b.txt')).toBe('sub/b.txt');
    expect(f.inside('/tmp/minimega/filesX/b')).toBeUndefined();
    expect(f.inside('/tmp/minimega/files/../x')).toBeUndefined();
    expect(new FilesDir({ path: '/data/files/' }).path).toBe('/data/files');
  });

  it('has nothing without a host directory, except what simulated commands made', () => {
    const f = new FilesDir();
    expect(f.exists('/tmp/minimega/files/a.txt')).toBe(false);
    f.markMade('/tmp/minimega/files/new/x.img', 5);
    expect(f.exists('/tmp/minimega/files/new/x.img')).toBe(true);
    expect(f.list('/tmp/minimega/files')).toEqual([{ name: 'new', dir: true, size: 0 }]);
    expect(f.names()).toEqual(['new', 'new/x.img']);
  });

  it('sees the host directory, and hides deleted files without touching them', () => {
    const { files } = tempDirs();
    const f = new FilesDir({ hostDir: files });
    expect(f.exists('/tmp/minimega/files/a.txt')).toBe(true);
    expect(f.exists('/tmp/minimega/files/nope')).toBe(false);
    expect(f.list('/tmp/minimega/files')).toEqual([
      { name: 'a.txt', dir: false, size: 3 },
      { name: 'sub', dir: true, size: 0 },
    ]);
    expect(f.list('/tmp/minimega/files/sub/b.txt')).toEqual([{ name: 'sub/b.txt', dir: false, size: 1 }]);
    expect(f.hide('/tmp/minimega/files/sub')).toBe(true);
    expect(f.exists('/tmp/minimega/files/sub/b.txt')).toBe(false);
    expect(existsSync(join(files, 'sub', 'b.txt'))).toBe(true);
    expect(f.names()).toEqual(['a.txt']);
  });
});

describe('which host files a command may open', () => {
  it("lets the node's own user open paths from its working directory", () => {
    const { files, cwd } = tempDirs();
    const f = new FilesDir({ hostDir: files });
    expect(openPath(f, cwd, 'x.mm', 'local')).toBe(join(cwd, 'x.mm'));
  });

  it.each(['client', 'peer'] as const)('keeps a %s inside the files directory', (origin) => {
    const { root, files, cwd } = tempDirs();
    const f = new FilesDir({ hostDir: files });
    expect(openPath(f, cwd, 'sub/b.txt', origin)).toBe(join(files, 'sub', 'b.txt'));
    expect(openPath(f, cwd, '/tmp/minimega/files/a.txt', origin)).toBe(join(files, 'a.txt'));
    for (const bad of ['../x', '/etc/passwd', '/tmp/minimega/files', '/tmp/minimega/files/../x', 'sub/../../x']) {
      expect(() => openPath(f, cwd, bad, origin), bad).toThrow(OpenRefused);
    }
    symlinkSync(root, join(files, 'out'));
    expect(() => openPath(f, cwd, 'out/cwd/x', origin)).toThrow(OpenRefused);
    expect(() => openPath(new FilesDir(), cwd, 'a.txt', origin)).toThrow(
      'a.txt: commands from other nodes and clients may only open files in /tmp/minimega/files',
    );
  });

  it('makes read and write of a client resolve in the files directory', async () => {
    const { files, cwd } = tempDirs();
    writeFileSync(join(files, 'script.mm'), 'echo from files\n');
    writeFileSync(join(cwd, 'script.mm'), 'echo from cwd\n');
    const node = createNode({ name: 'n', cwd, files: { hostDir: files } });
    await runLine(node, '.annotate false');
    const client = async (line: string): Promise<string> => transcriptOf(node, line, await runLine(node, line, 'client'));
    expect(await client('read script.mm')).toBe('## read script.mm\nfrom files\n');
    expect(await client('write hist.txt')).toBe('## write hist.txt\n');
    expect(readFileSync(join(files, 'hist.txt'), 'utf8')).toContain('echo from files');
    expect(await client('write /etc/mm-test')).toBe(
      '## write /etc/mm-test\nE: /etc/mm-test: commands from other nodes and clients may only open files in /tmp/minimega/files\n',
    );
    expect(lineErrors(await runLine(node, 'read script.mm'))).toEqual([]);
  });
});

describe('commands from peers', () => {
  let c: TestMesh | undefined;
  afterEach(() => c?.close());

  it("write only into the receiver's files directory", async () => {
    const { files, cwd } = tempDirs();
    c = await createTestMesh(['mm1', 'mm2'], undefined, { node: { cwd, files: { hostDir: files } } });
    await transcript(c.node('mm1'), '.annotate false');
    expect(await transcript(c.node('mm1'), 'mesh send mm2 write out.txt')).toBe('## mesh send mm2 write out.txt\n');
    expect(existsSync(join(files, 'out.txt'))).toBe(true);
    expect(existsSync(join(cwd, 'out.txt'))).toBe(false);
    expect(await transcript(c.node('mm1'), 'mesh send mm2 mesh dot ../graph.dot')).toBe(
      '## mesh send mm2 mesh dot ../graph.dot\nE: ../graph.dot: commands from other nodes and clients may only open files in /tmp/minimega/files\n',
    );
  });

  it('open no file at all on a receiver without a files directory', async () => {
    const { cwd } = tempDirs();
    c = await createTestMesh(['mm1', 'mm2'], undefined, { node: { cwd } });
    await transcript(c.node('mm1'), '.annotate false');
    expect(await transcript(c.node('mm1'), 'mesh send mm2 write out.txt')).toBe(
      '## mesh send mm2 write out.txt\nE: out.txt: commands from other nodes and clients may only open files in /tmp/minimega/files\n',
    );
    expect(existsSync(join(cwd, 'out.txt'))).toBe(false);
  });
});
