/**
 * `mm run` through a child process on real files: output streams, the
 * `FILE:LINE: E: message` format, exit codes, `--transcript`, stdin, and
 * several files on one node.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** Writes files into a fresh directory of the running test (testTempDir); returns it. */
function scripts(files: Record<string, string>): string {
  const dir = testTempDir('mm-run-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('mm run: output and errors', () => {
  it('prints output on stdout and FILE:LINE: E: errors on stderr; a failed command does not stop the file', () => {
    const dir = scripts({ 'a.mm': '.annotate false\necho hello\nvm start nosuchvm\necho after\n' });
    const r = runMm(['run', '--name', 'mmhost', 'a.mm'], { cwd: dir });
    expect(r.stdout).toBe('hello\nafter\n');
    expect(r.stderr).toBe('a.mm:3: E: vm not found: nosuchvm\n');
    expect(r.status).toBe(1);
  });

  it('exits 0 when no command failed; annotation is on by default', () => {
    const dir = scripts({ 'ok.mm': 'echo hi\nvm launch kvm a\n.columns name vm info\n# done\n' });
    const r = runMm(['run', '--name', 'mmhost', 'ok.mm'], { cwd: dir });
    expect(r.stdout).toBe('mmhost: hi\nhost   | name\nmmhost | a\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('stops the file at a line that does not parse, with exit 1', () => {
    const dir = scripts({ 'p.mm': '.annotate false\necho one\nbogus command\necho never\n', 'l.mm': 'echo "open\necho never\n' });
    const r = runMm(['run', '--name', 'mmhost', 'p.mm'], { cwd: dir });
    expect(r.stdout).toBe('one\n');
    // minimega's error, then mm's hint and that the rest of the file was skipped.
    expect(r.stderr).toBe(
      'p.mm:3: E: invalid command: `bogus command`\n' +
        'p.mm:3: no command starts with `bogus`\n' +
        'p.mm: stopped at line 3, which does not compile: the line after it was not run\n',
    );
    expect(r.status).toBe(1);
    const l = runMm(['run', '--name', 'mmhost', 'l.mm'], { cwd: dir });
    expect(l.stdout).toBe('');
    expect(l.stderr).toBe('l.mm:1: E: missing terminal "\nl.mm: stopped at line 1, which does not compile: the line after it was not run\n');
    expect(l.status).toBe(1);
  });

  it('prints the error of every failing response of a line (a flush reports its host errors)', () => {
    const dir = scripts({ 'f.mm': 'namespace n\nvm launch container c1\nvm launch\n' });
    const r = runMm(['run', '--name', 'mmhost', 'f.mm'], { cwd: dir });
    expect(r.stderr).toBe('f.mm:3: E: unable to create container without a configured filesystem\n');
    expect(r.status).toBe(1);
  });
});

describe('mm run: exit status 2 on usage and I/O errors', () => {
  it('needs a FILE', () => {
    const r = runMm(['run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('run needs at least one FILE');
  });

  it('reports a missing file', () => {
    const dir = scripts({});
    const r = runMm(['run', 'nosuch.mm'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nosuch.mm: no such file or directory');
    expect(r.stdout).toBe('');
  });

  it('rejects an unknown option', () => {
    const r = runMm(['run', '--bogus', 'x.mm']);
    expect(r).toMatchObject({ status: 2, stderr: 'mm run: unknown option --bogus (see mm help run)\n' });
  });
});

describe('mm run --transcript', () => {
  it("prints minitest's format on stdout: ## lines, E: lines, rendered output", () => {
    const dir = scripts({
      't.mm': '.annotate false\n# comment\n\nvm launch kvm a,b\nvm start nosuchvm\n.columns name,state vm info\nbogus\necho never\n',
    });
    const r = runMm(['run', '--name', 'mmhost', '--transcript', 't.mm'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        '## .annotate false',
        '## # comment',
        '',
        '## vm launch kvm a,b',
        '## vm start nosuchvm',
        'E: vm not found: nosuchvm',
        '## .columns name,state vm info',
        'name | state',
        'a    | BUILDING',
        'b    | BUILDING',
        '## bogus',
        'E: invalid command: `bogus`',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('exits 0 when nothing failed', () => {
    const dir = scripts({ 'ok.mm': 'echo x\n' });
    const r = runMm(['run', '--name', 'mmhost', '--transcript', 'ok.mm'], { cwd: dir });
    expect(r.stdout).toBe('## echo x\nmmhost: x\n');
    expect(r.status).toBe(0);
  });
});

describe('mm run: inputs', () => {
  it('reads standard input for `-`; its errors are attributed to <stdin>', () => {
    const r = runMm(['run', '--name', 'mmhost', '-'], { input: '.annotate false\necho from stdin\nvm kill nosuchvm\n' });
    expect(r.stdout).toBe('from stdin\n');
    expect(r.stderr).toBe('<stdin>:3: E: vm not found: nosuchvm\n');
    expect(r.status).toBe(1);
  });

  it('runs several files on one node; a parse error stops only its own file', () => {
    const dir = scripts({
      'one.mm': '.annotate false\nvm launch kvm shared\nbogus\nvm launch kvm never\n',
      'two.mm': '.columns name vm info\nvm start nosuchvm\n',
    });
    const r = runMm(['run', '--name', 'mmhost', 'one.mm', 'two.mm'], { cwd: dir });
    expect(r.stdout).toBe('name\nshared\n');
    expect(r.stderr.split('\n').filter((l) => l.includes(' E: '))).toEqual(['one.mm:3: E: invalid command: `bogus`', 'two.mm:2: E: vm not found: nosuchvm']);
    expect(r.stderr).toContain('one.mm: stopped at line 3, which does not compile: the line after it was not run\n');
    expect(r.status).toBe(1);
  });

  it("resolves `read` paths against the first script's directory", () => {
    const dir = scripts({ 'lab/main.mm': '.annotate false\nread part.mm\nread nosuch.mm\n', 'lab/part.mm': 'echo from part\n' });
    const r = runMm(['run', '--name', 'mmhost', join(dir, 'lab/main.mm')]);
    expect(r.stdout).toBe('from part\n');
    expect(r.stderr).toBe(`${join(dir, 'lab/main.mm')}:3: E: open nosuch.mm: no such file or directory\n`);
    expect(r.status).toBe(1);
  });

  it('expands $VAR arguments from the environment', () => {
    const r = runMm(['run', '--name', 'mmhost', '-'], {
      input: '.annotate false\necho $MM_TEST_VAR/sub\necho $MM_TEST_EMPTY\n',
      env: { MM_TEST_VAR: 'value', MM_TEST_EMPTY: '' },
    });
    expect(r.stdout).toBe('value/sub\n');
    expect(r.stderr).toBe('<stdin>:3: E: undefined: $MM_TEST_EMPTY\n');
  });
});

describe('mm run: node behaviour', () => {
  it('stops reading at quit', () => {
    const r = runMm(['run', '--name', 'mmhost', '-'], { input: '.annotate false\necho a\nquit\necho b\n' });
    expect(r.stdout).toBe('a\n');
    expect(r.status).toBe(0);
  });

  it('runs shell commands only with --allow-shell', () => {
    const input = '.annotate false\nshell echo hi\n';
    const off = runMm(['run', '--name', 'mmhost', '-'], { input });
    expect(off.stdout).toBe('');
    expect(off.stderr).toBe('<stdin>:2: E: shell: running host programs is disabled (start mm with --allow-shell to enable it)\n');
    expect(off.status).toBe(1);
    const on = runMm(['run', '--name', 'mmhost', '--allow-shell', '-'], { input });
    expect(on.stdout).toBe('hi\n');
    expect(on.status).toBe(0);
  });

  it('prints a version line starting with `minimega `', () => {
    const r = runMm(['run', '--name', 'mmhost', '-'], { input: '.annotate false\nversion\n' });
    expect(r.stdout).toMatch(/^minimega \S.*\n$/);
    expect(r.status).toBe(0);
  });

  it('keeps the last 10,000 history entries', () => {
    const lines = ['.annotate false', ...Array.from({ length: 10_005 }, (_, i) => `echo ${i + 1}`), 'history'];
    const r = runMm(['run', '--name', 'mmhost', '-'], { input: lines.join('\n') + '\n' });
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    const history = out.slice(10_005);
    expect(history).toHaveLength(10_000);
    expect(history[0]).toBe('echo 6');
    expect(history.at(-1)).toBe('echo 10005');
  });
});

describe('mm run: a script whose hosts the simulated nodes are not named as', () => {
  const text = 'namespace lab\nnsmod add-host ccc[1-4]\nvm launch kvm a[1-4]\nvm launch\n';

  it("keeps minimega's `unknown host` error and adds one hint naming --nodes with the script's hosts", () => {
    const dir = scripts({ 'c.mm': text });
    const r = runMm(['run', '--nodes', '4', 'c.mm'], { cwd: dir });
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('c.mm:2: E: unknown host: `ccc1`');
    expect(lines[1]).toMatch(/^c\.mm:2: hint: .*n\[1-4\].*--nodes ccc1,ccc2,ccc3,ccc4$/);
    expect(r.status).toBe(1);
    // The hint is given once a run: a second unknown host gets minimega's error alone.
    const twice = scripts({ 't.mm': `${text}nsmod add-host ccc9\n` });
    const t = runMm(['run', '--nodes', '4', 't.mm'], { cwd: twice });
    expect(t.stderr.match(/hint:/g)).toHaveLength(1);
    expect(t.stderr.endsWith('t.mm:5: E: unknown host: `ccc9`\n')).toBe(true);
    // What the hint says works.
    const fixed = runMm(['run', '--nodes', 'ccc1,ccc2,ccc3,ccc4', 'c.mm'], { cwd: dir });
    expect(fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
  });

  it('on one node it names --nodes too, and --name for a script of one host', () => {
    const dir = scripts({ 'c.mm': text, 'one.mm': 'namespace lab\nnsmod add-host gpu1\n' });
    const r = runMm(['run', '--name', 'solo', 'c.mm'], { cwd: dir });
    expect(r.stderr).toMatch(/^c\.mm:2: hint: .*solo.*--nodes ccc1,ccc2,ccc3,ccc4$/m);
    const one = runMm(['run', '--nodes', '3', 'one.mm'], { cwd: dir });
    expect(one.stderr).toMatch(/^one\.mm:2: hint: .*--name gpu1$/m);
    expect(runMm(['run', '--name', 'gpu1', 'one.mm'], { cwd: dir }).status).toBe(0);
  });

  it("3.1's `ns add-hosts`; --transcript keeps stdout minimega's transcript and puts the hint on stderr", () => {
    const dir = scripts({ 't.mm': '# minimega: 3.1\nns add-hosts node[1-2]\n' });
    const r = runMm(['run', '--transcript', '--nodes', '3', 't.mm'], { cwd: dir });
    expect(r.stdout).toBe('## # minimega: 3.1\n## ns add-hosts node[1-2]\nE: unknown host: `node1`\n');
    expect(r.stderr).toMatch(/^t\.mm:2: hint: .*--nodes node1,node2\n$/);
  });
});
