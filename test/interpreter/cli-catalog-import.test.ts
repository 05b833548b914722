/**
 * `mm catalog import` through a child process, with a fake "minimega": a
 * small executable that prints a `-cli` output built from the shared 3.1
 * catalog (plus invented commands), or fails in each way cli-json.md 2.3
 * lists, or never exits. Then `mm check` and `mm parse` use the file by
 * `--dialect FILE` and by a script's first line. Needs dist/mm.cjs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpHandler, dumpOfSharedCatalog, dumpText } from '../helpers/cli-dumps.js';
import { hasShared, repoRoot } from '../helpers/shared.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const mmBin = join(repoRoot, 'bin/mm.cjs');
const dir = suiteTempDir('mm-catalog-');

function mm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [mmBin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Writes an executable that answers `-cli` and `-version` as `behaviour`
 * says, and logs each run's argv, working directory and whether stdin was
 * at its end, one JSON line each, to NAME.log.
 */
function fakeMinimega(name: string, behaviour: string): string {
  const path = join(dir, name);
  const log = join(dir, `${name}.log`);
  const script = `#!${process.execPath}
const fs = require('node:fs');
let stdin = 'open';
try { stdin = fs.readFileSync(0).length === 0 ? 'eof' : 'data'; } catch (e) { stdin = e.code; }
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), stdin, cwdEntries: fs.readdirSync('.') }) + '\\n');
const flag = process.argv[2];
${behaviour}
`;
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

function runs(name: string): { argv: string[]; cwd: string; stdin: string; cwdEntries: string[] }[] {
  return readFileSync(join(dir, `${name}.log`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const invented = [
  dumpHandler(['frobnicate <widget> [count]'], 'frobnicate widgets', 'Frobnicate a widget count times.'),
  dumpHandler(['clear frobnicate <all,>'], 'unfrobnicate everything', ''),
];

describe('bad binaries: one clear error each, nothing written', () => {
  const cases: [string, string, RegExp][] = [
    [
      'not-minimega',
      `process.stdout.write('minimega, Copyright (2014) Sandia Corporation.\\nusage: minimega [option]... [file]...\\n'); process.stderr.write('flag provided but not defined: -cli\\nUsage of minimega:\\n  -base string\\n'); process.exit(2);`,
      /-cli: the program does not know -cli \(exit status 2, "flag provided but not defined"\): it is not minimega 2\.0 or later/,
    ],
    [
      'fatal',
      "process.stderr.write('2026/12/07 03:00:00 FATAL cli.go:50: duplicate pattern: `vm frob`\\n'); process.exit(1);",
      /-cli failed \(exit status 1\): minimega rejected its own commands: .*FATAL.*duplicate pattern: `vm frob`/,
    ],
    ['not-json', "process.stdout.write('hello\\n');", /-cli did not print minimega's command list: the output is not JSON/],
    [
      'wrong-json',
      'process.stdout.write(\'[{"name":"vm"}]\\n\');',
      /-cli did not print minimega's command list: handler 0: expected "help_short" to be a string/,
    ],
    ['hangs', 'setInterval(() => {}, 1000);', /-cli did not exit within 1 s and was killed/],
  ];
  for (const [name, behaviour, error] of cases) {
    it(name, () => {
      const bin = fakeMinimega(name, behaviour);
      const out = `${name}.json`;
      const r = mm(['catalog', 'import', '--timeout', '1', '--output', out, bin]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(error);
      expect(existsSync(join(dir, out))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith(out))).toEqual([]);
      // Run exactly as the spec says: `-cli` alone, stdin closed, in an empty directory of its own.
      const [first] = runs(name);
      expect(first).toMatchObject({ argv: ['-cli'], stdin: 'eof', cwdEntries: [] });
      expect(first!.cwd).not.toBe(dir);
    });
  }

  it('a path that does not exist', () => {
    const r = mm(['catalog', 'import', join(dir, 'nothing-here')]);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/cannot run .*nothing-here: no such file or directory/);
    expect(existsSync(join(dir, 'minimega-commands.json'))).toBe(false);
  });
});

describe.skipIf(!hasShared)('importing a binary and using its command set', () => {
  it('imports, then check, parse and the first line use it', () => {
    writeFileSync(join(dir, 'dump.json'), dumpText([...dumpOfSharedCatalog('3.1'), ...invented]));
    const bin = fakeMinimega(
      'custom',
      `if (flag === '-cli') process.stdout.write(fs.readFileSync(${JSON.stringify(join(dir, 'dump.json'))}));
else if (flag === '-version') process.stdout.write('minimega 3.2.0 abcdef0 2026-11-30\\n');
else process.exit(3);`,
    );
    const r = mm(['catalog', 'import', '--output', 'site.json', bin]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote site.json: 168 handlers');
    expect(r.stdout).toContain('minimega 3.2.0');
    expect(r.stdout).toContain("minicli 3.1's rules (pattern trie), chosen by its version");
    expect(runs('custom').map((x) => x.argv)).toEqual([['-cli'], ['-version']]);

    writeFileSync(join(dir, 'frob.mm'), 'frobnicate w1 7\nclear frobnicate all\nvm launch kvm a\nfrobnicate\n');
    const check = mm(['check', '--dialect', 'site.json', 'frob.mm']);
    expect(check.stdout).toMatch(/^frob\.mm:4:11: error: invalid command: `frobnicate` \(expected <widget>\)/m);
    expect(check.stdout).toContain('1 error, 0 warnings in 1 file');
    expect(check.status).toBe(1);

    writeFileSync(join(dir, 'marked.mm'), '# minimega: site.json\nfrobnicate w1 7\n');
    expect(mm(['check', 'marked.mm'])).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
    const parsed = mm(['parse', 'marked.mm'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(parsed[1]).toMatchObject({ ok: true, pattern: 'frobnicate <widget> [count]', args: { string: { widget: 'w1', count: '7' } } });
    // The first line's path is relative to the script, not to the working directory.
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'deeper.mm'), '# minimega: ../site.json\nfrobnicate w1 7\n');
    expect(mm(['check', 'sub/deeper.mm'])).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
    // Without the command set, 3.1 does not know it.
    expect(mm(['check', '--dialect', '3.1', 'marked.mm']).status).toBe(1);

    // The reference: the binary's order, canonical usage, its own help, what mm knows.
    const ref = mm(['catalog', 'reference', 'site.json']);
    expect(ref.status).toBe(0);
    expect(ref.stdout.startsWith('# Commands of minimega 3.2.0 (imported)\n')).toBe(true);
    const frob = ref.stdout.slice(ref.stdout.indexOf('## `frobnicate`'));
    expect(frob).toContain('```\nfrobnicate <widget> [count]\n```');
    expect(frob).toContain('Help from minimega 3.2.0:\n\n```text\nFrobnicate a widget count times.\n```');
    expect(frob).toContain('its category, argument values and checks are unknown');
    // `vm <kill,> <vm target>` is rendered as minicli's help does: the single-option choice as a word.
    expect(ref.stdout).toContain('vm kill <vm target>');
    expect(ref.stdout).toMatch(/## `vm launch`[^#]*Known from minimega 3\.1: category `/);

    // The simulator runs only what it knows: it says what it simulates and flags the rest.
    writeFileSync(join(dir, 'run.mm'), 'echo hi\nfrobnicate w1 7\n');
    const run = mm(['run', '--dialect', 'site.json', 'run.mm']);
    expect(run.stdout).toContain('hi');
    const said = run.stderr.split('\n');
    expect(said[0]).toBe('mm run: the command set of minimega 3.2.0, imported from site.json: simulating minimega 3.1');
    expect(said[1]).toBe(
      'run.mm:2:1: warning: `frobnicate <widget> [count]` is in the imported command set, but the simulator (minimega 3.1) does not know it',
    );
    expect(said[2]).toMatch(/^run\.mm:2: E: invalid command: `frobnicate w1 7`$/);
    expect(run.status).toBe(1);

    writeFileSync(join(dir, 'missing.mm'), '# minimega: nowhere.json\nvm info\n');
    const missing = mm(['check', 'missing.mm']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^mm check: missing\.mm:1:13: command set file .*nowhere\.json: no such file or directory\n$/);
  });

  it('an unchanged 3.1.0 set uses the built-in dialect unless --no-builtin', () => {
    writeFileSync(join(dir, 'plain.json'), dumpText(dumpOfSharedCatalog('3.1')));
    const r = mm(['catalog', 'import', '--json', 'plain.json', '--output', 'plain-set.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('same patterns in the same order as the built-in 3.1 dialect');
    const kept = mm(['catalog', 'import', '--json', 'plain.json', '--no-builtin', '--output', 'kept-set.json']);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toContain('kept imported');
    const set = JSON.parse(readFileSync(join(dir, 'kept-set.json'), 'utf8'));
    expect(set).toMatchObject({ format: 'mm-command-set/1', rules: '3.1', rulesFrom: 'patterns', sameAs: '3.1', useBuiltin: false, minimegaVersion: null });
  });

  it('a saved output that is not one', () => {
    writeFileSync(join(dir, 'usage.txt'), 'usage: minimega [option]... [file]...\n');
    const r = mm(['catalog', 'import', '--json', 'usage.txt', '--output', 'never.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage\.txt: not the output of minimega -cli: the output is not JSON/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
    // minicli would refuse a pattern twice: so does the import.
    writeFileSync(join(dir, 'twice.json'), dumpText([dumpHandler(['frob <a>'], '', ''), dumpHandler(['frob <a>'], '', '')]));
    const twice = mm(['catalog', 'import', '--json', 'twice.json', '--output', 'never.json']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/twice\.json: minicli would not register these commands: duplicate pattern: `frob <a>`\n$/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});
