/**
 * What `mm check` (and `mm run`) read, through the built CLI on real files:
 * `read` followed to the real file and line, directories walked, missing and
 * binary arguments reported while the rest is checked, bytes that are not
 * UTF-8, control characters never written raw, the source excerpt with its
 * caret and colour (on a terminal through a pseudo-terminal), and `mm run`
 * saying what it skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mmBin, runMm } from '../helpers/mm-cli.js';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** A directory of the running test (testTempDir) holding `files`. */
function scratch(files: Record<string, string | Uint8Array>): string {
  const dir = testTempDir('mm-check-in-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Item {
  file: string;
  severity: string;
  code: string;
  message: string;
  range: { start: { line: number; character: number } };
  readFrom?: { file: string; line: number };
}

function json(stdout: string): Item[] {
  return JSON.parse(stdout) as Item[];
}

const INCLUDED = 'echo i1\n\nvm info\nvm lanch foo\n';

describe('mm check follows read', () => {
  it('reports a problem of a read file at its own file and line, naming the read line', () => {
    const dir = scratch({ 'main2.mm': 'read inc2.mm\necho two\n', 'inc2.mm': INCLUDED });
    const r = runMm(['check', 'main2.mm'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^inc2\.mm:4:4: error: invalid command: `vm lanch foo` \(did you mean `launch`\? .*\) \[match\/bad-arguments\]\n/);
    expect(r.stdout).toContain('\n  (read from main2.mm:1)\n');
    const items = json(runMm(['check', '--format', 'json', 'main2.mm'], { cwd: dir }).stdout);
    expect(items).toEqual([expect.objectContaining({ file: 'inc2.mm', code: 'match/bad-arguments', readFrom: { file: 'main2.mm', line: 1 } })]);
  });

  it('resolves the path from the script folder, applies aliases defined before the read, and refuses a nested read', () => {
    const dir = scratch({
      'lab/main.mm': '.alias vmi=vm info\nread parts/inc.mm\n',
      'lab/parts/inc.mm': 'vmi\nread other.mm\necho after\n',
    });
    const items = json(runMm(['check', '--format', 'json', 'lab/main.mm'], { cwd: dir }).stdout);
    expect(items.map((d) => [d.file, d.range.start.line + 1, d.code, d.message])).toEqual([
      [join('lab', 'parts/inc.mm'), 2, 'script/nested-read', 'cannot run nested `read` commands'],
    ]);
    // mm run stops the read file there with the same error.
    const run = runMm(['run', '--name', 'h', 'lab/main.mm'], { cwd: dir });
    expect(run.stderr).toBe('parts/inc.mm:2 (read from lab/main.mm:2): E: cannot run nested `read` commands\n');
  });

  it('does not call a file the script writes first a missing file', () => {
    const dir = scratch({ 'w.mm': 'echo x\nwrite launch-foo.mm\nread launch-foo.mm\nread never-written.mm\n' });
    const items = json(runMm(['check', '--format', 'json', 'w.mm'], { cwd: dir }).stdout);
    expect(items.map((d) => [d.range.start.line + 1, d.code])).toEqual([[4, 'script/read-missing-file']]);
  });

  it('mm run names both places of an error in a read file', () => {
    const dir = scratch({ 'main2.mm': 'read inc2.mm\necho two\n', 'inc2.mm': INCLUDED });
    const r = runMm(['run', '--name', 'h', 'main2.mm'], { cwd: dir });
    expect(r.stderr).toBe('inc2.mm:4 (read from main2.mm:1): E: invalid command: `vm lanch foo`\n');
    expect(r.stdout).toBe('h: i1\nh: two\n');
    expect(r.status).toBe(1);
  });
});

describe('mm run at a line that does not compile', () => {
  it("prints minimega's error, mm's did-you-mean, and that the rest of the file was skipped", () => {
    const dir = scratch({ 'stop.mm': 'vm info\nvm lanch foo\necho a\n\necho b\n' });
    const r = runMm(['run', '--name', 'h', 'stop.mm'], { cwd: dir });
    expect(r.stderr.split('\n')).toEqual([
      'stop.mm:2: E: invalid command: `vm lanch foo`',
      expect.stringMatching(/^stop\.mm:2: did you mean `launch`\? expected .*got `lanch`$/),
      'stop.mm: stopped at line 2, which does not compile: the 2 lines after it were not run',
      '',
    ]);
    expect(r.stdout).not.toContain('a');
    expect(r.status).toBe(1);
  });
});

describe('mm check arguments', () => {
  it('checks every file it can, reports a missing one and exits 2', () => {
    const dir = scratch({ 'a.mm': 'vm infoo\n', 'b.mm': 'vm launch kvm 0\n' });
    const r = runMm(['check', 'a.mm', '/nope.mm', 'b.mm'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^a\.mm:1:4: error: /m);
    expect(r.stdout).toMatch(/^b\.mm:1:15: error: invalid number of vms/m);
    expect(r.stderr).toBe('mm check: /nope.mm: no such file or directory\n');
  });

  it('walks a directory for *.mm files, recursively, in name order', () => {
    const dir = scratch({ 'd/b.mm': 'bogus\n', 'd/sub/a.mm': 'vm infoo\n', 'd/sub/deeper/c.mm': 'vm info\n', 'd/notes.txt': 'bogus\n' });
    const r = runMm(['check', '--format', 'json', 'd'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(json(r.stdout).map((d) => d.file)).toEqual([join('d', 'b.mm'), join('d', 'sub/a.mm')]);
    const text = runMm(['check', 'd'], { cwd: dir });
    expect(text.stdout).toMatch(/2 errors, 0 warnings in 3 files\n$/);
  });

  it('refuses binary input with one error (exit 2) and never prints its bytes', () => {
    const binary = readFileSync(process.execPath).subarray(0, 64 * 1024);
    const noNul = Uint8Array.from({ length: 4000 }, (_v, i) => (i % 3 === 0 ? 0x1b : 0x41 + (i % 26)));
    const dir = scratch({ 'ls.mm': binary, 'esc.mm': noNul, 'ok.mm': 'vm info\n' });
    const r = runMm(['check', 'ls.mm', 'esc.mm', 'ok.mm'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(/^mm check: ls\.mm: not a script: binary data \(a NUL byte at byte offset \d+\)$/),
      'mm check: esc.mm: not a script: binary data (mostly control characters or bytes that are not UTF-8)',
      '',
    ]);
    expect(r.stdout).toBe('0 errors, 0 warnings in 3 files\n');
  });

  it('escapes control characters of the input in messages and excerpts', () => {
    const dir = scratch({ 'esc.mm': 'vm info\n\x1b[31mred\x07\n' });
    const r = runMm(['check', 'esc.mm'], { cwd: dir });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not appear
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain('invalid command: `\\x1b[31mred\\x07`');
    expect(r.stdout).toContain('2 | \\x1b[31mred\\x07\n');
  });

  it('warns about bytes that are not UTF-8, with their byte offset', () => {
    const dir = scratch({ 'u.mm': Buffer.concat([Buffer.from('vm info\necho '), Buffer.from([0xff, 0xfe]), Buffer.from(' ok\n')]) });
    const r = runMm(['check', '--format', 'json', 'u.mm'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(json(r.stdout)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'input/invalid-utf8',
        range: expect.objectContaining({ start: { line: 1, character: 5 } }),
        message: expect.stringContaining('at byte offset 13'),
      }),
    ]);
  });
});

describe('mm run on a terminal', () => {
  const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasPython)("escapes a script's control characters in the errors it prints there", () => {
    const dir = scratch({ 'esc.mm': 'vm info\n\x1b]0;pwned\x07bogus\n' });
    const steps = [{ expect: 'stopped at line 2' }];
    const r = spawnSync(
      'python3',
      [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, mmBin, 'run', '--name', 'h', 'esc.mm'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.stdout).not.toContain('<<timeout');
    expect(r.stdout).toContain('esc.mm:2: E: invalid command: `\\x1b]0;pwned\\x07bogus`');
    expect(r.stdout).toContain('esc.mm:2: no command starts with `\\x1b]0;pwned\\x07bogus`');
    expect(r.stdout).not.toContain('\x1b]0;');
  });
});

describe('mm check text output', () => {
  it('shows the source line with a caret under the range, without colour when not a terminal', () => {
    const dir = scratch({ 'x.mm': 'vm info\nvm launch kvm web[1-3\n' });
    const r = runMm(['check', 'x.mm'], { cwd: dir });
    expect(r.stdout).toBe(
      "x.mm:2:15: error: unterminated '[' [value/vm-names]\n" +
        '2 | vm launch kvm web[1-3\n' +
        '  |               ^~~~~~~\n' +
        '1 error, 0 warnings in 1 file\n',
    );
    const always = runMm(['check', '--color=always', 'x.mm'], { cwd: dir });
    expect(always.stdout).toContain('\x1b[1;31merror:\x1b[0m');
    expect(runMm(['check', '--color=never', 'x.mm'], { cwd: dir }).stdout).toBe(r.stdout);
    expect(runMm(['check', '--color', 'sometimes', 'x.mm'], { cwd: dir })).toMatchObject({
      status: 2,
      stderr: 'mm check: --color must be auto, always or never, not sometimes\n',
    });
  });

  const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasPython)('colours on a terminal, unless NO_COLOR is set or --color=never', () => {
    const dir = scratch({ 'x.mm': 'vm launch kvm web[1-3\n' });
    const onTty = (args: string[], env: Record<string, string> = {}): string => {
      const steps = [{ expect: 'in 1 file' }];
      const r = spawnSync(
        'python3',
        [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, mmBin, 'check', ...args, 'x.mm'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '', ...env },
          timeout: 60_000,
        },
      );
      expect(r.stdout).not.toContain('<<timeout');
      return r.stdout;
    };
    expect(onTty([])).toContain('\x1b[1;31merror:');
    expect(onTty([], { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(onTty(['--color=never'])).not.toContain('\x1b[');
  });
});
