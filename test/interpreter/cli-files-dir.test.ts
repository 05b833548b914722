/**
 * The files directory from the command line (decision 16), through child
 * processes on real files: `--files-dir HOSTDIR` says which files exist for
 * the simulator, `--files-path PATH` what path the node prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** A directory of the running test (testTempDir) with a host files directory and a script. */
function scratch(): string {
  const dir = testTempDir('mm-cli-files-');
  mkdirSync(join(dir, 'files', 'images'), { recursive: true });
  writeFileSync(join(dir, 'files', 'images', 'base.qcow2'), '');
  writeFileSync(
    join(dir, 'launch.mm'),
    ['.annotate false', 'vm config disk /tmp/minimega/files/images/base.qcow2', 'vm launch kvm web', '.columns name,disk vm info', ''].join('\n'),
  );
  return dir;
}

describe('mm run --files-dir', () => {
  it('finds the files of the host directory, relative to the current directory', () => {
    const dir = scratch();
    const r = runMm(['run', '--files-dir', 'files', 'launch.mm'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('name | disk\nweb  | [/tmp/minimega/files/images/base.qcow2]\n');
    expect(r.status).toBe(0);
  });

  it('starts with an empty files directory without it', () => {
    const r = runMm(['run', 'launch.mm'], { cwd: scratch() });
    expect(r.stderr).toBe('launch.mm:3: E: file not found\n');
    expect(r.status).toBe(1);
  });

  it('gives every node of an embedded cluster the same files directory', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'ns.mm'),
      ['.annotate false', 'namespace lab', 'vm config disk /tmp/minimega/files/images/base.qcow2', 'vm launch kvm a[1-3]', 'vm launch', 'host vms', ''].join(
        '\n',
      ),
    );
    const r = runMm(['run', '--nodes', '3', '--files-dir', 'files', 'ns.mm'], { cwd: dir });
    expect(r.stderr).toBe('');
    // The namespace's hosts are n2 and n3 (not the head): 2 and 1 VMs.
    expect(r.stdout).toBe('2\n1\n');
    expect(r.status).toBe(0);
  });

  it('refuses a host directory that is not there, and a relative printed path', () => {
    const dir = scratch();
    const a = runMm(['run', '--files-dir', 'nosuch', 'launch.mm'], { cwd: dir });
    expect(a.status).toBe(2);
    expect(a.stderr).toBe('mm run: --files-dir nosuch: not a directory\n');
    const b = runMm(['run', '--files-path', 'files', 'launch.mm'], { cwd: dir });
    expect(b.status).toBe(2);
    expect(b.stderr).toBe('mm run: --files-path must be an absolute path, not "files"\n');
    const c = runMm(['run', '--connect', 'ws://127.0.0.1:1', '--files-dir', 'files', 'launch.mm'], { cwd: dir });
    expect(c.status).toBe(2);
    expect(c.stderr).toBe('mm run: --files-dir cannot be used with --connect (the node has its own)\n');
  });
});

describe('mm run --files-path', () => {
  it('prints and resolves paths under the given files directory', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'paths.mm'),
      ['.annotate false', 'vm config migrate state.migrate', 'vm config migrate', 'vm config disk /data/files/images/base.qcow2', 'vm launch kvm web', ''].join(
        '\n',
      ),
    );
    const r = runMm(['run', '--files-path', '/data/files', '--files-dir', 'files', 'paths.mm'], { cwd: dir });
    expect(r.stdout).toBe('/data/files/state.migrate\n');
    expect(r.stderr).toBe('paths.mm:5: E: file not found\n');
  });
});

describe('mm minitest --files-dir', () => {
  it('runs transcripts against the host directory', () => {
    const dir = scratch();
    const tests = join(dir, 'tests');
    mkdirSync(tests);
    writeFileSync(join(tests, 'prolog'), '.annotate false\n');
    writeFileSync(join(tests, 'ls'), 'file list images\n');
    writeFileSync(join(tests, 'ls.want'), '## file list images\ndir  | name              | size\n     | images/base.qcow2 | 0\n');
    const r = runMm(['minitest', '--files-dir', 'files', 'tests'], { cwd: dir });
    expect(r.stdout).toBe('ok   ls\n1 passed, 0 failed\n');
  });
});

describe('mm help', () => {
  it.each(['run', 'minitest', 'repl', 'node'])('documents the files directory options of mm %s', (cmd) => {
    const r = runMm(['help', cmd]);
    expect(r.stdout).toContain('--files-dir HOSTDIR');
    expect(r.stdout).toContain('--files-path PATH');
  });
});
