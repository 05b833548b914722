/**
 * Option errors in the CLI's own words, every option value checked, and the
 * help of every command (examples, --version), through the built CLI.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

// A script to name, so that what is refused is the option, not a missing file.
const cwd = suiteTempDir('mm-options-');
beforeAll(() => writeFileSync(join(cwd, 'a.mm'), 'echo a\n'));

const COMMANDS = ['check', 'parse', 'run', 'minitest', 'repl', 'lsp', 'node', 'keys'];

describe('option errors', () => {
  it.each([
    [['check', '--bogus', 'a.mm'], 'mm check: unknown option --bogus (see mm help check)'],
    [['check', '--fromat', 'json', 'a.mm'], 'mm check: unknown option --fromat (did you mean --format?) (see mm help check)'],
    [['check', '-x', 'a.mm'], 'mm check: unknown option -x (see mm help check)'],
    [['run', '--nodes'], 'mm run: --nodes needs a value (N|NAMES) (see mm help run)'],
    [['run', '--transcript=yes', 'a.mm'], 'mm run: --transcript takes no value (given "yes") (see mm help run)'],
    [['check', '--format', 'json', '--format', 'text', 'a.mm'], 'mm check: --format is given more than once (see mm help check)'],
  ])('mm %j', (args, message) => {
    expect(runMm(args)).toMatchObject({ status: 2, stdout: '', stderr: `${message}\n` });
  });
});

describe('unknown commands', () => {
  it.each([
    [['chek', 'a.mm'], "mm: unknown command 'chek' (did you mean 'check'?)"],
    [['nod'], "mm: unknown command 'nod' (did you mean 'node'?)"],
    [['help', 'pase'], "mm: unknown command 'pase' (did you mean 'parse'?)"],
    [['frobnicate'], "mm: unknown command 'frobnicate'"],
  ])('mm %j', (args, first) => {
    const r = runMm(args, { cwd });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(first);
  });

  it('lists the commands after the error', () => {
    expect(runMm(['chek'], { cwd }).stderr).toMatch(/^ {2}check {2,}check scripts/m);
  });
});

describe('option values', () => {
  it.each([
    [['run', '--nodes', 'abc', 'a.mm'], /^mm run: --nodes must be a count from 1 to 1000 or a list of names \(a,b,c\), not "abc" \(one node: --name\)$/],
    [
      ['run', '--nodes', '-1', 'a.mm'],
      /^mm run: --nodes must be a count from 1 to 1000 \(the embedded cluster's limit\) or a list of names \(a,b,c\), not -1$/,
    ],
    [['run', '--nodes', '0', 'a.mm'], /^mm run: --nodes must be a count/],
    [['run', '--nodes', '1001', 'a.mm'], /^mm run: --nodes must be a count/],
    [['run', '--nodes', 'a,-b', 'a.mm'], /^mm run: --nodes: "-b" is not a node name/],
    [['run', '--name', '-x', 'a.mm'], /^mm run: --name: "-x" is not a node name/],
    [['run', '--connect', 'localhost:9', 'a.mm'], /^mm run: --connect must be a node's address, ws:\/\/HOST:PORT, not "localhost:9"$/],
    [['run', '--dialect', '2.4', 'a.mm'], /^mm run: --dialect must be 2\.3 or 3\.1/],
    [['check', '--format', 'xml', 'a.mm'], /^mm check: --format must be text or json, not xml$/],
    [['node', '--insecure', '--peer', 'foo'], /^mm node: --peer: expected HOST:PORT, not "foo"$/],
    [['node', '--insecure', '--listen', 'x:99999'], /^mm node: --listen: expected HOST:PORT/],
    [['lsp', '--clientProcessId', 'abc'], /^mm lsp: --clientProcessId must be a process id, not "abc"$/],
    [['minitest', '--filter', '(', '.'], /^mm minitest: /],
  ])('mm %j', (args, message) => {
    const r = runMm(args, { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
  });
});

describe('help', () => {
  it('lists the commands and --version', () => {
    const r = runMm(['help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toMatch(/^ {2}--version +print the version/m);
    expect(runMm(['--version']).stdout).toMatch(/^mm \d+\.\d+\.\d+ /);
  });

  it.each(COMMANDS)('mm help %s shows usage, options and examples that name the command', (c) => {
    const r = runMm(['help', c]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: mm ${c} `));
    const examples = r.stdout
      .slice(r.stdout.indexOf('\nexamples:\n') + 1)
      .split('\n')
      .slice(1)
      .filter((l) => l !== '');
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(e).toMatch(new RegExp(`^  mm ${c}( |$)|^  (mm keys|cat|echo) `));
    expect(runMm([c, '--help']).stdout).toBe(r.stdout);
  });

  it('mm help node does not show --name as required; mm help repl speaks of the prompt, not a script', () => {
    const node = runMm(['help', 'node']).stdout;
    expect(node).toMatch(/^usage: mm node \[--name NAME\]/);
    expect(node).toContain("--name NAME                  node name shown in output (default: this machine's host name)");
    const repl = runMm(['help', 'repl']).stdout;
    expect(repl).not.toContain('the script runs');
    expect(repl).toMatch(/--nodes N\|NAMES .*the prompt's lines run on the first/);
  });
});
