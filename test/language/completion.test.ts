import { describe, expect, it } from 'vitest';
import { compiledHandlers } from '../../language/catalog/index.js';
import { createLanguageService, type CompletionCandidate, type CompletionOptions, type NameSource } from '../../language/index.js';

const language = createLanguageService();
const { parseScript, signaturesAt } = language;
const completeLine = (text: string, offset: number, names?: NameSource, options?: CompletionOptions): CompletionCandidate[] =>
  language.complete(text, offset, names, options).candidates;

/** Labels offered at the end of `text` (or at `<|>`), placeholder hints left out. */
function labels(source: string, names?: Parameters<typeof completeLine>[2]): string[] {
  const at = source.indexOf('<|>');
  const text = at >= 0 ? source.replace('<|>', '') : source;
  return completeLine(text, at >= 0 ? at : text.length, names)
    .filter((c) => !c.hint)
    .map((c) => c.label);
}

function candidate(text: string, label: string): CompletionCandidate {
  const c = completeLine(text, text.length).find((x) => x.label === label);
  if (!c) throw new Error(`no ${label} for ${text}`);
  return c;
}

const firstWords = [...new Set(compiledHandlers.flatMap((h) => h.patterns.map((p) => p.items[0]!.text)))].sort();

describe("minicli Suggest (the spec's verified examples)", () => {
  it('empty line: the first literal of every pattern', () => {
    expect(labels('')).toEqual(firstWords);
    expect(labels('')).toContain('.alias');
    expect(labels('')).toContain('vm');
  });

  it('`vm ` offers the sub-commands', () => {
    expect(labels('vm ')).toEqual(expect.arrayContaining(['config', 'info', 'launch', 'start', 'stop']));
  });

  it('`vm i` → info, `vm info` → info', () => {
    expect(labels('vm i')).toEqual(['info']);
    expect(labels('vm info')).toEqual(['info']);
  });

  it('`vm config snapshot t` → true', () => {
    expect(labels('vm config snapshot t')).toEqual(['true']);
  });

  it("`namespace foo vm s` → start, stop (and 2.3's screenshot)", () => {
    expect(labels('namespace foo vm s')).toEqual(['screenshot', 'start', 'stop']);
  });

  it('`.csv true ` → every first word again', () => {
    expect(labels('.csv true ')).toEqual(firstWords);
  });

  it('a finished pattern with a trailing space offers nothing more', () => {
    expect(labels('vm flush ')).toEqual([]);
    expect(labels('vm info summary ')).toEqual([]);
  });

  it('no suggestions after a lexing error or inside a comment', () => {
    expect(labels('vm config hostname "abc')).toEqual([]);
    expect(labels('vm # comm')).toEqual([]);
  });

  it('abbreviated words still lead to the next item (prefix rule)', () => {
    expect(labels('vm conf snap')).toEqual(['snapshot']);
    expect(labels('na foo vm fl')).toEqual(['flush']);
  });

  it('only the text before the cursor counts; the whole word is replaced', () => {
    const text = 'vm info';
    const c = completeLine(text, 4).filter((x) => !x.hint);
    expect(c.map((x) => x.label)).toEqual(['info']);
    expect([c[0]!.replaceStart, c[0]!.replaceEnd]).toEqual([3, 7]);
  });
});

describe('kinds, docs and ranges', () => {
  it('commands, builtins, keywords and choices have their kinds and catalog docs', () => {
    expect(candidate('', 'vm').kind).toBe('command');
    expect(candidate('', '.csv').kind).toBe('builtin');
    expect(candidate('vm ', 'info').kind).toBe('keyword');
    expect(candidate('vm config snapshot ', 'false').kind).toBe('choice');
    expect(candidate('nsmod ', 'add-host').kind).toBe('keyword');
    const info = candidate('vm ', 'info');
    expect(info.detail).toBeTruthy();
    expect(info.documentation).toContain('vm info [summary,]');
    expect(candidate('', 'vm').detail).toMatch(/commands$/);
  });

  it('a new word replaces nothing; a partial word is replaced', () => {
    const a = candidate('vm ', 'info');
    expect([a.replaceStart, a.replaceEnd]).toEqual([3, 3]);
    const b = candidate('vm in', 'info');
    expect([b.replaceStart, b.replaceEnd]).toEqual([3, 5]);
  });

  it('string arguments give a placeholder hint with the argument summary', () => {
    const hints = completeLine('vm config memory ', 17).filter((c) => c.hint);
    expect(hints.map((h) => h.label)).toEqual(['[memory in megabytes]']);
    expect(hints[0]!.kind).toBe('value');
    expect(hints[0]!.detail).toBeTruthy();
  });
});

describe('names and values', () => {
  const { script } = parseScript(
    [
      'vm launch kvm web[1-3],db',
      'namespace ns1',
      'nsmod add-host node[1-2]',
      'vlans add dmz 200',
      'tap create dmz name tap0',
      'vm config save base',
      'read other.mm',
    ].join('\n'),
  );
  const names = language.nameIndex(script);

  it('VM targets: the launched names and `all`', () => {
    expect(labels('vm start ', names)).toEqual(['db', 'web1', 'web2', 'web3', 'all']);
    expect(labels('namespace ns1 vm kill w', names)).toEqual(['web1', 'web2', 'web3']);
  });

  it('lists complete the part after the last comma', () => {
    const c = completeLine('vm start web1,d', 15, names).find((x) => x.label === 'db')!;
    expect([c.replaceStart, c.replaceEnd]).toEqual([14, 15]);
  });

  it('namespaces, VLAN aliases, taps, hosts and saved configs', () => {
    expect(labels('namespace ', names)).toContain('ns1');
    expect(labels('clear namespace n', names)).toEqual(['ns1']);
    expect(labels('vm config net ', names)).toEqual(['dmz']);
    expect(labels('vm config net mega_bridge,', names)).toContain('dmz');
    expect(labels('vm config net 100,', names)).toContain('virtio-net-pci');
    expect(labels('tap delete ', names)).toEqual(['tap0', 'all']);
    expect(labels('nsmod del-host ', names)).toEqual(['node1', 'node2', 'all', 'localhost']);
    expect(labels('vm config restore ', names)).toEqual(['base']);
    expect(completeLine('vm config restore ', 18, names)[0]!.kind).toBe('name');
  });

  it('paths come from the caller', () => {
    const got = completeLine('read ex', 7, undefined, { paths: (p) => [`${p}ample.mm`, `${p}tra/`] });
    expect(got.filter((c) => !c.hint).map((c) => c.label)).toEqual(['example.mm', 'extra/']);
  });

  it('names that need quoting are inserted quoted', () => {
    const c = completeLine('vm start ', 9, { names: (k) => (k === 'vm' ? ['my vm'] : []) }).find((x) => x.label === 'my vm')!;
    expect(c.insertText).toBe('"my vm"');
  });
});

describe('signaturesAt', () => {
  it('descends into nested commands and marks the item under the cursor', () => {
    const s = signaturesAt('namespace foo vm start ', 23);
    expect(s.map((m) => [m.pattern.text, m.activeItem])).toEqual([['vm start <target>', 2]]);
  });

  it('lists every pattern still possible', () => {
    const s = signaturesAt('vlans ', 6).map((m) => m.pattern.text);
    expect(s).toEqual(expect.arrayContaining(['vlans <add,> <alias> <vlan>', 'vlans <range,> <min> <max>']));
  });

  it('an empty nested command shows the outer pattern', () => {
    const s = signaturesAt('namespace foo ', 14);
    expect(s.map((m) => [m.pattern.text, m.activeItem])).toEqual([['namespace <name> (command)', 2]]);
  });
});
