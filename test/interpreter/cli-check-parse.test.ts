/**
 * `mm check` and `mm parse` through a child process on real files: output
 * formats, the summary line, exit codes 0/1/2, `-` for stdin, aliases taking
 * effect for later lines; with ../shared, the 2.3 conformance scripts and the
 * oracle file through the real CLI. Needs dist/mm.cjs (`node scripts/build.mjs`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, repoRoot, sharedPath } from '../helpers/shared.js';
import { canonicalJson } from '../helpers/canonical-json.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const mmBin = join(repoRoot, 'bin/mm.cjs');
const dir = suiteTempDir('mm-cli-');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function mm(args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [mmBin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The header lines of `mm check`'s text output (each problem's excerpt lines left out) and the summary. */
function headers(stdout: string): string[] {
  return stdout.split('\n').filter((l) => !/^ *\d* \|/.test(l) && !l.startsWith('  (read from '));
}

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const BAD = 'vm info\nbogus\nvm launch kvm 0\necho "a\n';

describe('mm check', () => {
  it('prints FILE:LINE:COL: severity: message [code] per problem, then the summary; exit 1 on errors', () => {
    const f = file('bad.mm', BAD);
    const r = mm(['check', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = headers(r.stdout);
    expect(lines.length).toBe(5);
    // The minicli message comes first; mm may add a hint in parentheses.
    expect(lines[0]).toMatch(/^bad\.mm:2:1: error: invalid command: `bogus`( \(.+\))? \[match\/unknown-command\]$/);
    expect(lines[1]).toBe('bad.mm:3:15: error: invalid number of vms (must be > 0) [value/vm-names]');
    expect(lines[2]).toBe('bad.mm:4:6: error: missing terminal " (a quote opened here is never closed on this line) [lex/missing-terminal]');
    expect(lines[3]).toBe('3 errors, 0 warnings in 1 file');
    expect(lines[4]).toBe('');
  });

  it('exits 0 on a clean file and on warnings only', () => {
    expect(mm(['check', file('ok.mm', '# setup\nvm config memory 1024\n\nvm launch kvm a[1-2]\nvm start all\n')])).toEqual({
      status: 0,
      stdout: '0 errors, 0 warnings in 1 file\n',
      stderr: '',
    });
    const w = mm(['check', file('warn.mm', 'namespace lab\nvm launch\n')]);
    expect(w.status).toBe(0);
    expect(headers(w.stdout).join('\n')).toMatch(/^warn\.mm:2:1: warning: nothing is queued in namespace `lab`.*\n0 errors, 1 warning in 1 file\n$/);
  });

  it('checks several files and counts them', () => {
    const r = mm(['check', file('a.mm', 'vm info\n'), file('b.mm', 'vm infoo\n')]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').slice(-2)).toEqual(['1 error, 0 warnings in 2 files', '']);
    expect(r.stdout).toMatch(/^b\.mm:1:4: error: invalid command: `vm infoo`/);
  });

  it('--format json prints an array of {file, range, severity, code, message}', () => {
    const r = mm(['check', '--format', 'json', file('bad.mm', BAD)]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out.map((d) => Object.keys(d).sort())).toEqual(Array(3).fill(['code', 'file', 'message', 'range', 'severity']));
    expect(out[0]).toMatchObject({
      file: 'bad.mm',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
      severity: 'error',
      code: 'match/unknown-command',
    });
    expect(out[0]!.message).toMatch(/^invalid command: `bogus`/);
    expect(out.slice(1)).toEqual([
      {
        file: 'bad.mm',
        range: { start: { line: 2, character: 14 }, end: { line: 2, character: 15 } },
        severity: 'error',
        code: 'value/vm-names',
        message: 'invalid number of vms (must be > 0)',
      },
      {
        file: 'bad.mm',
        range: { start: { line: 3, character: 5 }, end: { line: 3, character: 7 } },
        severity: 'error',
        code: 'lex/missing-terminal',
        message: 'missing terminal " (a quote opened here is never closed on this line)',
      },
    ]);
    const clean = mm(['check', '--format=json', file('ok2.mm', 'vm info\n')]);
    expect(clean).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
  });

  it('writes a report of several megabytes whole, multi-byte characters included, as text and as JSON', () => {
    // 12,000 rejected lines: the text report is written in pieces through one kept buffer, the JSON in one write of over 4 MB.
    const lines = Array.from({ length: 12_000 }, (_, i) => `vm lanch kvm café${i}`);
    const path = file('big-report.mm', lines.join('\n') + '\n');
    const json = mm(['check', '--format', 'json', path]);
    expect(json.status).toBe(1);
    // A long input tunes V8 (server/jit-tuning.ts): silently, and the report is the same.
    expect(json.stderr).toBe('');
    expect(Buffer.byteLength(json.stdout)).toBeGreaterThan(4 * 1024 * 1024);
    const items = JSON.parse(json.stdout) as { range: { start: { line: number } }; message: string }[];
    expect(items).toHaveLength(12_000);
    expect(items.every((d, i) => d.range.start.line === i && d.message.includes(`café${i}`))).toBe(true);
    const text = mm(['check', path]);
    expect(text.status).toBe(1);
    const excerpts = text.stdout.split('\n').filter((l) => / \| vm lanch kvm café\d+$/.test(l));
    expect(excerpts).toEqual(lines.map((l, i) => `${i + 1} | ${l}`));
    expect(text.stdout.endsWith('12000 errors, 0 warnings in 1 file\n')).toBe(true);
  });

  it('knows µ in a duration (the bundles are ASCII and read as Latin-1: the µ in the code is an escape)', () => {
    expect(mm(['check', file('micro.mm', 'qos add web1 0 delay 150µs\n')])).toMatchObject({ status: 0 });
    const bad = mm(['check', file('micro-bad.mm', 'qos add web1 0 delay 150µx\n')]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('expected a duration such as 100ms or 1s, got `150µx`');
  });

  it('reads standard input for -', () => {
    const r = mm(['check', '-'], 'vm info\nvm inf0\n');
    expect(r.status).toBe(1);
    expect(headers(r.stdout).join('\n')).toMatch(/^<stdin>:2:4: error: invalid command: `vm inf0`.*\n1 error, 0 warnings in 1 file\n$/);
    expect(mm(['check', '-'], '')).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
  });

  it('drops a BOM at the start of a file and reads CRLF files', () => {
    expect(mm(['check', file('bom.mm', '\ufeffvm info\r\nvm start all\r\n')])).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
  });

  it('exits 2 on usage and I/O errors, with a message on stderr', () => {
    const none = mm(['check']);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^mm check: /);
    const fmt = mm(['check', '--format', 'xml', 'ok.mm']);
    expect(fmt.status).toBe(2);
    expect(fmt.stderr).toBe('mm check: --format must be text or json, not xml\n');
    const opt = mm(['check', '--bogus', 'ok.mm']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toMatch(/^mm check: .*bogus/);
    const missing = mm(['check', 'no-such-file.mm']);
    expect(missing).toEqual({ status: 2, stdout: '0 errors, 0 warnings in 0 files\n', stderr: 'mm check: no-such-file.mm: no such file or directory\n' });
  });
});

describe('mm parse', () => {
  const noArgs = { string: {}, bool: {}, list: {} };

  it('prints one JSON object per line: input, ok, kind, pattern, original, args, subcommand, error', () => {
    const f = file('p.mm', 'vm config net a,b 100\n\n# note\n.columns name vm info summary # hi\nbogus\necho "x\n');
    const r = mm(['parse', f]);
    // Two lines are rejected: exit 1, every line still printed.
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        input: 'vm config net a,b 100',
        ok: true,
        kind: 'command',
        pattern: 'vm config net [netspec]...',
        original: 'vm config net a,b 100',
        args: { string: {}, bool: {}, list: { netspec: ['a,b', '100'] } },
        subcommand: null,
        error: '',
      },
      { input: '', ok: true, kind: 'empty', pattern: '', original: '', args: noArgs, subcommand: null, error: '' },
      { input: '# note', ok: true, kind: 'comment', pattern: '', original: '# note', args: noArgs, subcommand: null, error: '' },
      {
        input: '.columns name vm info summary # hi',
        ok: true,
        kind: 'command',
        pattern: '.columns <columns as csv> (command)',
        original: '.columns name vm info summary # hi',
        args: { string: { columns: 'name' }, bool: {}, list: {} },
        subcommand: { pattern: 'vm info [summary,]', original: 'vm info summary', args: { string: {}, bool: { summary: true }, list: {} }, subcommand: null },
        error: '',
      },
      { input: 'bogus', ok: false, kind: 'error', pattern: '', original: '', args: noArgs, subcommand: null, error: 'invalid command: `bogus`' },
      { input: 'echo "x', ok: false, kind: 'error', pattern: '', original: '', args: noArgs, subcommand: null, error: 'missing terminal "' },
    ]);
  });

  it('applies .alias and .unalias to the lines after them', () => {
    const r = mm(['parse', '-'], 'vmr\n.alias vmr=.columns name vm info\nvmr\nvmr summary\n.unalias vmr\nvmr\n');
    expect(r.status).toBe(1);
    expect(mm(['parse', '-'], '.alias vmr=.columns name vm info\nvmr\n').status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { pattern: string; error: string; original: string; subcommand: { pattern: string } | null });
    expect(out.map((o) => o.error)).toEqual(['invalid command: `vmr`', '', '', '', '', 'invalid command: `vmr`']);
    expect(out[1]!.pattern).toBe('.alias <alias>...');
    expect(out[2]).toMatchObject({
      pattern: '.columns <columns as csv> (command)',
      original: '.columns name vm info',
      subcommand: { pattern: 'vm info [summary,]' },
    });
    expect(out[3]).toMatchObject({ original: '.columns name vm info summary' });
    expect(out[4]!.pattern).toBe('.unalias <alias>');
  });

  it('streams a long file: an alias made on the first line still applies 20,000 lines later, and every line is described once', () => {
    const lines = ['.alias vmr=.columns name vm info', ...Array.from({ length: 20_000 }, (_, i) => (i % 2 ? '' : `# ${i}`)), 'vmr', '.unalias vmr', 'vmr'];
    const r = mm(['parse', file('long.mm', lines.join('\n') + '\n')]);
    // The last line is rejected (the alias is gone): mm parse fails, after describing every line.
    expect(r.status).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; original: string; error: string });
    expect(out.map((o) => o.input)).toEqual(lines);
    expect(out.at(-3)).toMatchObject({ original: '.columns name vm info', error: '' });
    expect(out.at(-1)!.error).toBe('invalid command: `vmr`');
  });

  it('prints nothing for an empty file and exits 2 on usage and I/O errors', () => {
    expect(mm(['parse', file('empty.mm', '')])).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(mm(['parse']).status).toBe(2);
    expect(mm(['parse', 'a.mm', 'b.mm']).status).toBe(2);
    expect(mm(['parse', 'no-such-file.mm'])).toEqual({ status: 2, stdout: '', stderr: 'mm parse: no-such-file.mm: no such file or directory\n' });
  });
});

describe('the dialect of mm check and mm parse', () => {
  it('is 2.3 by default, 3.1 with --dialect 3.1 or a `# minimega: 3.1` first line, and --dialect wins', () => {
    const plain = file('top.mm', 'vm top\n');
    const marked = file('top31.mm', '# minimega: 3.1\nvm top\n');
    const r = mm(['check', plain]);
    expect([r.status, r.stderr]).toEqual([1, '']);
    // The problem line (an excerpt of the line may follow it), then the summary.
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('top.mm:1:4: error: invalid command: `vm top` (`vm top` is a minimega 3.1 command; this file is checked as 2.3) [match/other-dialect]');
    expect(out.slice(-2)).toEqual(['1 error, 0 warnings in 1 file', '']);
    expect(mm(['check', '--dialect', '3.1', plain])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    expect(mm(['check', marked])).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    expect(mm(['check', '--dialect=2.3', marked]).stdout).toMatch(/^top31\.mm:2:4: error: .*\[match\/other-dialect\]$/m);
    // Each file of one run in its own dialect.
    expect(mm(['check', marked, plain]).stdout.split('\n').slice(-2)).toEqual(['1 error, 0 warnings in 2 files', '']);
  });

  it('decides what mm parse reports', () => {
    const f = file('nested.mm', ".columns name echo '' x\n");
    const sub = (args: string[]): unknown => (JSON.parse(mm(['parse', ...args, f]).stdout) as { subcommand: unknown }).subcommand;
    expect(sub([])).toMatchObject({ pattern: 'echo [args]...', args: { list: { args: ['x'] } } });
    expect(sub(['--dialect', '3.1'])).toMatchObject({ pattern: 'echo [args]...', original: 'echo  x', args: { list: { args: ['', 'x'] } } });
  });

  it('--dialect takes 2.3, 3.1 or a command set file only (exit 2)', () => {
    for (const cmd of ['check', 'parse']) {
      expect(mm([cmd, '--dialect', '3.0', 'no-such-file.mm'])).toEqual({
        status: 2,
        stdout: '',
        stderr: `mm ${cmd}: --dialect must be 2.3 or 3.1, not "3.0" (or a command set file, a path ending in .json)\n`,
      });
    }
  });
});

describe.skipIf(!hasShared)('with ../shared: the 2.3 conformance scripts and the oracle through the real CLI', () => {
  it("mm check's errors in the conformance/2.3 scripts are exactly minimega's errors there (transcript E: lines), warnings aside", () => {
    const folder = sharedPath('conformance/2.3');
    const scripts = readdirSync(folder).filter((f) => !f.endsWith('.want') && !f.endsWith('.md'));
    expect(scripts.length).toBeGreaterThanOrEqual(10);
    // One run over every script (each line of each file is checked on its own).
    const r = spawnSync(process.execPath, [mmBin, 'check', '--format', 'json', ...scripts.map((s) => join(folder, s))], { encoding: 'utf8' });
    const found = JSON.parse(r.stdout) as { file: string; severity: string; message: string; range: { start: { line: number } } }[];
    const errors = found.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) {
      const line = readFileSync(d.file, 'utf8').split('\n')[d.range.start.line]!;
      const want = readFileSync(`${d.file}.want`, 'utf8');
      // The transcript block of that line: `## line`, then its output up to the next `## `.
      const block = want.slice(want.indexOf(`## ${line}\n`)).split('\n## ')[0]!;
      expect(block, `${d.file}:${d.range.start.line + 1}`).toContain(`\nE: ${d.message}`);
    }
    expect(r.status).toBe(1);
  });

  // 2.3's `original` of a nested command is re-serialised text with quirks `mm` does not copy;
  // 3.1's is compared too.
  it.each([
    { version: '2.3', args: [] as string[], withOriginal: false },
    { version: '3.1', args: ['--dialect', '3.1'], withOriginal: true },
  ])('mm parse $args reproduces the $version oracle (generated-X.out.jsonl) line for line', ({ version, args, withOriginal }) => {
    const r = spawnSync(process.execPath, [mmBin, 'parse', ...args, sharedPath(`oracle/generated-${version}.txt`)], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    // The oracle holds rejected lines: exit 1.
    expect(r.status).toBe(1);
    const got = r.stdout.split('\n');
    expect(got.pop()).toBe('');
    const want = readFileSync(sharedPath(`oracle/generated-${version}.out.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(got.length).toBe(want.length);
    const bad: string[] = [];
    for (let i = 0; i < want.length; i++) {
      if (canonical(JSON.parse(got[i]!), withOriginal) !== canonical(JSON.parse(want[i]!), withOriginal)) {
        bad.push(`line ${i + 1}\n  got  ${got[i]}\n  want ${want[i]}`);
      }
    }
    expect(bad.slice(0, 5).join('\n')).toBe('');
    expect(bad.length).toBe(0);
  });
});

/** JSON with object keys sorted, without `original` fields unless asked. */
const canonical = (v: unknown, withOriginal = false): string => canonicalJson(v, withOriginal ? [] : ['original']);
