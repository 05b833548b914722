import { describe, expect, it } from 'vitest';
import { Codes } from '../../language/codes.js';
import { createLanguageService, orderDiagnostics, replaySteps, type NameSite } from '../../language/index.js';
import { MAX_INDEXED_RANGE_NAMES } from '../../language/limits.js';

const { checkScript, lineFacts, nameIndex, parseScript } = createLanguageService();

function index(text: string) {
  return nameIndex(parseScript(text).script);
}

function show(s: NameSite): string {
  const r = s.range;
  return `${s.kind}:${s.name}@${r.start.line}:${r.start.character}-${r.end.character}${s.definition ? ' def' : ''}${s.exact ? '' : ' ~'}${s.namespace ? ` ns=${s.namespace}` : ''}`;
}

describe('names index', () => {
  it('VM names from launches, expanded with the range syntax, and their references', () => {
    const ix = index('vm launch kvm web[1-2],db\nvm start web1,db\nvm kill all\nvm start 3\n');
    expect(ix.sites.map(show)).toEqual(['vm:web1@0:14-22 def ~', 'vm:web2@0:14-22 def ~', 'vm:db@0:23-25 def', 'vm:web1@1:9-13', 'vm:db@1:14-16']);
    expect(ix.names('vm')).toEqual(['web1', 'web2', 'db']);
    expect(ix.definitions('vm', 'db').map(show)).toEqual(['vm:db@0:23-25 def']);
    expect(ix.siteAt({ line: 1, character: 15 })?.name).toBe('db');
    expect(ix.siteAt({ line: 1, character: 8 })).toBeUndefined();
  });

  it('a range is one site of its line; the index lists at most MAX_INDEXED_RANGE_NAMES of its names, and says it left ranges out', () => {
    // Fuzz seed 1 #836: twelve lines of `x[1-1000000]` made the language server build twelve
    // million sites (kept with the lines it caches) and die of memory; two such ranges in one
    // list got past the list's own limit, each item expanded on its own.
    const ranges = Array.from({ length: 12 }, (_, i) => `vm kill a${i}x[1-1000000]`);
    const text = [...ranges, 'vnc stop kb y[1-1000000],z[1-1000000]', 'vm launch kvm web[1-3]', 'vm start web2,a3x7'].join('\n');
    const { script } = parseScript(`${text}\n`);
    const facts = script.lines.map((l) => lineFacts(l));
    const sitesOf = (i: number) => facts[i]!.flatMap((f) => (f.kind === 'command' ? f.sites : []));
    expect(sitesOf(0)).toEqual([expect.objectContaining({ kind: 'vm', item: 'a0x[1-1000000]', count: 1_000_000 })]);
    expect(sitesOf(12)).toHaveLength(2);
    const ix = nameIndex(script);
    expect(ix.sites.map(show)).toEqual(['vm:web1@13:14-22 def ~', 'vm:web2@13:14-22 def ~', 'vm:web3@13:14-22 def ~', 'vm:web2@14:9-13', 'vm:a3x7@14:14-18']);
    expect(ix.rangesLeftOut('vm')).toBe(true);
    expect(ix.rangesLeftOut('host')).toBe(false);
    // Up to the limit, every range is listed, in full.
    const fits = index(`vm launch kvm a[1-${MAX_INDEXED_RANGE_NAMES - 2}]\nvm launch kvm b[1-2]\nvm launch kvm c[1-2]\n`);
    expect(fits.names('vm')).toHaveLength(MAX_INDEXED_RANGE_NAMES);
    expect(fits.lookup('vm', 'c1')).toEqual([]);
    expect(fits.lookup('vm', 'b2').map(show)).toEqual(['vm:b2@1:14-20 def ~']);
    expect(fits.rangesLeftOut('vm')).toBe(true);
    expect(index('vm launch kvm web[1-3]\n').rangesLeftOut('vm')).toBe(false);
  });

  it('launch counts define no names', () => {
    expect(index('vm launch kvm 4\n').sites).toEqual([]);
  });

  it('namespaces: created on first use; the active namespace is tracked', () => {
    const ix = index('namespace ns1\nvm launch kvm a\nnamespace ns2 vm launch kvm b\nvm start a\nclear namespace\nvm start b\nclear namespace ns1\n');
    expect(ix.sites.map(show)).toEqual([
      'namespace:ns1@0:10-13 def',
      'vm:a@1:14-15 def ns=ns1',
      'namespace:ns2@2:10-13 def ns=ns1',
      'vm:b@2:28-29 def ns=ns2',
      'vm:a@3:9-10 ns=ns1',
      'vm:b@5:9-10',
      'namespace:ns1@6:16-19',
    ]);
    expect(ix.definitions('namespace', 'ns1').map(show)).toEqual(['namespace:ns1@0:10-13 def']);
  });

  it('VLAN aliases in vlans add, vm config net specs, tap create; ns//alias names a namespace', () => {
    const ix = index('vlans add dmz 200\nvm config net dmz mega_bridge,lan,00:11:22:33:44:55 100 other//dmz\ntap create lan name t0\ntap delete t0\n');
    expect(ix.sites.map(show)).toEqual([
      'vlan:dmz@0:10-13 def',
      'vlan:dmz@1:14-17',
      'vlan:lan@1:30-33',
      'namespace:other@1:56-61',
      'vlan:dmz@1:63-66',
      'vlan:lan@2:11-14',
      'tap:t0@2:20-22 def',
      'tap:t0@3:11-13',
    ]);
    expect(ix.definitions('vlan', 'lan').map(show)).toEqual(['vlan:lan@1:30-33']);
  });

  it('hosts from nsmod, saved configs', () => {
    const ix = index('namespace a\nnsmod add-host n1,localhost\nnsmod del-host n1\nvm config save base\nvm config restore base\n');
    expect(ix.sites.filter((s) => s.kind !== 'namespace').map(show)).toEqual([
      'host:n1@1:15-17 def ns=a',
      'host:n1@2:15-17 ns=a',
      'config:base@3:15-19 def ns=a',
      'config:base@4:18-22 ns=a',
    ]);
  });

  it('quoted names are exact inside the quotes; escaped ones are not', () => {
    const ix = index('vm launch kvm "web"\nvm start we\\#b\n');
    expect(ix.sites.map(show)).toEqual(['vm:web@0:15-18 def', 'vm:we#b@1:9-14 ~']);
  });

  it('replaying lines restores the namespace after a wrapper, even when the nested command switches', () => {
    const seen: string[] = [];
    const { script } = parseScript('namespace a\nnamespace b namespace c\nvm launch kvm x\n');
    replaySteps(script.lines.map(lineFacts), (f, i, ns) => seen.push(`${i}:${f.id}@${ns}`));
    expect(seen).toEqual(['0:namespace@', '1:namespace@a', '1:namespace@b', '2:vm launch@a']);
  });
});

/** Script-level checks (language/validation/script-checks.ts). */
describe('script checks', () => {
  function check(text: string, files: string[] = []) {
    const { script } = parseScript(text);
    return checkScript(script, { fileExists: (p) => files.includes(p) }).map(
      (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code} ${d.severity}: ${d.message}`,
    );
  }

  it('a clean namespace script has no findings', () => {
    expect(check('namespace ns\nnsmod add-host localhost\nvm launch kvm a[1-3]\nvm launch\nvm start all\n')).toEqual([]);
  });

  it('bare vm launch with no namespace, or with nothing queued', () => {
    expect(check('vm launch\nnamespace x\nnsmod add-host h\nvm launch\n')).toEqual([
      '0:0-9 script/launch-without-queue warning: `vm launch` without arguments starts the VMs queued in the active namespace, but no namespace is active here',
      '3:0-9 script/launch-without-queue warning: nothing is queued in namespace `x`: queue VMs with `vm launch kvm NAMES` before `vm launch`',
    ]);
  });

  it('a VM command naming a VM queued in its namespace, wherever the queue was made; launching or clearing the namespace empties it', () => {
    const text = [
      'namespace a',
      'nsmod add-host h',
      'vm launch kvm x',
      'namespace b',
      'nsmod add-host h',
      'vm start x',
      'namespace a vm start x',
      'namespace a',
      'vm launch',
      'vm start x',
      'vm launch kvm y',
      'clear namespace a',
      'namespace a',
      'vm start y',
      'vm launch kvm z',
      'vm start z',
    ].join('\n');
    const codes = check(`${text}\n`).map((d) => d.slice(0, d.indexOf(' ', d.indexOf(' ') + 1)));
    expect(codes).toEqual(['6:21-22 script/queued-not-launched', '14:0-15 script/queue-never-launched', '15:9-10 script/queued-not-launched']);
  });

  it('nsmod without an active namespace', () => {
    expect(check('nsmod add-host a\nnamespace x nsmod add-host a\n')).toEqual([
      '0:0-16 script/nsmod-without-namespace warning: `nsmod` needs an active namespace; minimega answers `cannot run nsmod without active namespace`',
    ]);
  });

  it('launching into a namespace before any nsmod add-host (once per namespace)', () => {
    const got = check('namespace x\nvm launch kvm a\nvm launch\nvm launch kvm b\nvm launch\n');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^2:0-9 script\/namespace-without-hosts warning: namespace `x` launches VMs before any `nsmod add-host`/);
  });

  it('names launched twice in the same namespace; vm flush forgets them', () => {
    expect(check('vm launch kvm a,b[1-2]\nvm launch kvm b[2-3]\nnamespace n vm launch kvm a\nvm launch kvm a\nvm flush\nvm launch kvm a\n')).toEqual([
      '1:14-20 script/duplicate-launch warning: `b2` is already launched (line 1)',
      '2:12-27 script/queue-never-launched warning: VMs queued in namespace `n` are never launched: no bare `vm launch` follows to launch the queue',
      '3:14-15 script/duplicate-launch warning: `a` is already launched (line 1)',
    ]);
  });

  it('a launch minimega refuses (a bad name in the list) launches nothing', () => {
    expect(check('vm launch kvm foo,[0]\nvm launch kvm foo\nnamespace n\nnsmod add-host h\nvm launch kvm all\nvm launch\n')).toEqual([
      '5:0-9 script/launch-without-queue warning: nothing is queued in namespace `n`: queue VMs with `vm launch kvm NAMES` before `vm launch`',
    ]);
  });

  it('read of a missing file; paths with variables or the file store are not checked', () => {
    expect(check('read here.mm\nread missing.mm check\nread $HOME/x.mm\nread file:x.mm\n', ['here.mm'])).toEqual([
      "1:5-15 script/read-missing-file warning: `missing.mm` does not exist (paths are relative to the script's folder)",
    ]);
  });

  it('severity is configurable; orderDiagnostics sorts by position, stable', () => {
    const { script, diagnostics } = parseScript('bogus\nnsmod add-host a\n');
    const all = orderDiagnostics([...checkScript(script, { severity: 'error' }), ...diagnostics]);
    expect(all.map((d) => [d.range.start.line, d.code, d.severity])).toEqual([
      [0, Codes.unknownCommand, 'error'],
      [1, Codes.nsmodWithoutNamespace, 'error'],
    ]);
  });
});
