/**
 * Every handler of the 2.3 catalog is simulated (issue 15): the registry has
 * a handler for each id, and one valid instance of every pattern runs on a
 * fresh node (with VMs to act on) without answering "not supported" and
 * without an internal error. Files are only written in a temporary folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledHandlers, handlers } from '../../language/catalog/index.js';
import type { ArgDomain } from '../../language/catalog/types.js';
import { isSimulated } from '../../interpreter/handlers/registry.js';
import { createNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { lineErrors } from '../../interpreter/transcript.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** A value of each argument domain that the setup below makes valid. */
const BY_DOMAIN: Partial<Record<ArgDomain, string>> = {
  int: '0',
  rangeEnd: '4096',
  uint: '0',
  float: '5',
  duration: '10ms',
  vmTarget: 'v1',
  vmNames: 'v1',
  vmName: 'v1',
  netspec: '100',
  vlan: '100',
  hosts: 'mmhost',
  filter: 'name=v1',
  columns: 'name',
  alias: 'a=echo',
  path: 'out.file',
  namespace: 'ns1',
  tapName: 'tap9',
  bridge: 'mega_bridge',
  configName: 'c1',
  mac: '00:11:22:33:44:55',
  ip: '10.0.0.1',
};

/** Values for argument keys without a domain. */
const BY_KEY: Readonly<Record<string, string>> = {
  name: 'new1',
  target: 'v1',
  vm: 'v1',
  interface: '0',
  percent: '5',
  duration: '10ms',
  bw: '10',
  qmp: '{"execute":"query-status"}',
  'IPv4/MASK': '10.0.0.1/24',
  network: '0',
  size: '1G',
  port: '9001',
  id: '0',
  ID: '0',
  pid: '1',
  src: '1',
  dst: '1',
  remote: '10.0.0.2',
  cmd: 'KeyEvent,true,a',
  tap: '0',
  'hostname:port': '127.0.0.1:2055',
  memory: '512',
  number: '1',
  degree: '1',
  timeout: '5',
  delay: '1',
};

function valueFor(handlerId: string, key: string): string {
  const spec = handlers.find((h) => h.id === handlerId)!;
  if (handlerId === 'vm launch' && key === 'name') return 'new1';
  const domain = spec.args[key]?.domain;
  return (domain && BY_DOMAIN[domain]) ?? BY_KEY[key] ?? 'x';
}

/** The full form of a pattern: every optional item present, first choice options, one list item. */
function instance(handlerId: string, items: (typeof compiledHandlers)[number]['patterns'][number]['items']): string {
  const words: string[] = [];
  for (const it of items) {
    if (it.type === 'literal') words.push(it.text);
    else if (it.type === 'choice') words.push(it.options[0]!);
    else if (it.type === 'command') words.push('echo hi');
    else words.push(JSON.stringify(valueFor(handlerId, it.key)));
  }
  return words.join(' ');
}

const SETUP = ['vm config net 100', 'vm launch kvm v1', 'vm config filesystem /fs', 'vm launch container c1', 'clear vm config'];

const cases = compiledHandlers.flatMap((h) => h.patterns.map((p) => ({ id: h.spec.id, pattern: p.text, line: instance(h.spec.id, p.items) })));

describe('every 2.3 command is simulated', () => {
  it('has a handler for every catalog id', () => {
    expect(handlers.filter((h) => !isSimulated(h.id)).map((h) => h.id)).toEqual([]);
  });

  it('covers every one of the 304 patterns', () => expect(cases.length).toBe(304));

  it.each(cases)('$pattern: $line', async ({ id, line }) => {
    const dir = testTempDir('mm-walk-');
    mkdirSync(join(dir, 'files'));
    const node = createNode({ name: 'mmhost', cwd: dir, files: { hostDir: join(dir, 'files') } });
    for (const s of SETUP) expect(lineErrors(await runLine(node, s)), s).toEqual([]);
    // The line is an instance of its own handler.
    const c = node.language.compile(line);
    expect(c.kind === 'command' ? c.command.handler.id : c.kind, line).toBe(id);
    const out = await runLine(node, line);
    expect(out.kind, line).toBe('command');
    expect(
      lineErrors(out).filter((e) => /not supported|internal error/.test(e)),
      line,
    ).toEqual([]);
  });
});
