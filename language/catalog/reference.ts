/**
 * The command reference, generated from both dialects' catalogs as Markdown:
 * a command the same in minimega 2.3 and 3.1 once, the others side by side.
 * It is the source of `docs/commands.md` (`npm run docs`) and of the
 * editor's "Show Command Reference" view. Pure: no file system access.
 */
import type { ArgDomain, ArgSpec, Category, HandlerSpec } from './types.js';
import { handlers } from './index.js';
import { handlers31, handlersRemovedIn31 } from './catalog-3.1.js';
import { compilePattern } from '../patterns.js';
import { referenceEntries, type ReferenceEntry } from './reference-entries.js';

/** One line per handler category: what it means while a namespace is active. */
export const categoryMeaning: Readonly<Record<Category, string>> = {
  local: 'runs only on this node, even with a namespace active',
  broadcast: 'with a namespace active, every host of the namespace runs it and the answers are merged',
  vmtarget: 'like broadcast, but hosts without the VM stay silent unless no host has it',
  special: 'has its own logic, described below',
};

/** Headings of the command families, in catalog order. */
const familyTitles: Readonly<Record<string, string>> = {
  builtin: 'Dot-commands: output, history and aliases',
  namespace: 'Namespaces',
  bridge: 'Host taps and bridges',
  capture: 'Packet and flow capture',
  cc: 'Command and control (cc)',
  deploy: 'Deploying minimega',
  disk: 'Disk images',
  dnsmasq: 'DHCP and DNS (dnsmasq)',
  dot: 'Experiment graph (viz)',
  external: 'External tools (check)',
  history: 'History',
  host: 'Host information',
  io: 'Files',
  log: 'Logging',
  meshage: 'Mesh',
  misc: 'General commands',
  nuke: 'Cleanup (nuke)',
  optimize: 'Host optimizations',
  qos: 'Traffic shaping (qos)',
  router: 'Routers (minirouter)',
  shell: 'Host programs',
  vlans: 'VLANs',
  vm: 'VMs',
  vmconfig: 'VM configuration',
  vnc: 'VNC recording and playback',
  vmconfiger: 'VM configuration: more fields',
  plumb: 'Pipes and plumbing',
  vyatta: 'Vyatta routers',
  web: 'Web interface',
};

const domainNames: Readonly<Record<ArgDomain, string>> = {
  text: 'text',
  int: 'integer',
  rangeEnd: 'integer above min',
  uint: 'unsigned integer',
  float: 'number',
  duration: 'duration',
  vmTarget: 'VM target',
  vmNames: 'VM names or count',
  vmName: 'one VM',
  netspec: 'interface spec',
  vlan: 'VLAN',
  hosts: 'host list',
  filter: 'filter',
  columns: 'column list',
  alias: 'alias',
  path: 'file path',
  command: 'command line',
  namespace: 'namespace',
  tapName: 'tap name',
  bridge: 'bridge',
  configName: 'saved config name',
  mac: 'MAC address',
  ip: 'IP address',
  diskspec: 'disk spec',
  bondspec: 'bond spec',
  pipe: 'pipe name',
  hostName: 'host name',
};

/** The name a handler is shown under: its id without the `#2` suffix. */
export function displayName(spec: HandlerSpec): string {
  return spec.id.replace(/#\d+$/, '');
}

/**
 * Argument keys of a handler in the order its patterns use them: string and
 * list keys, and the options of multi-option choices. Single-option choices
 * are keywords and are left out.
 */
export function argumentKeys(spec: HandlerSpec): string[] {
  const keys: string[] = [];
  const add = (k: string): void => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const pattern of spec.patterns) {
    const r = compilePattern(pattern);
    if (!r.ok) continue;
    for (const item of r.items) {
      if (item.type === 'string' || item.type === 'list' || item.type === 'command') add(item.key);
      else if (item.type === 'choice' && item.options.length > 1) item.options.forEach(add);
    }
  }
  return keys;
}

/** Where the reference is read: `docs` (docs/commands.md, for the repository) or `editor` (for script writers, no notes to developers). */
export type ReferenceAudience = 'docs' | 'editor';

/** Renders the whole command reference as Markdown. */
export function renderCommandReference(audience: ReferenceAudience = 'docs'): string {
  const families = referenceEntries(handlers, handlers31, handlersRemovedIn31);
  const out: string[] = [];
  out.push('# minimega command reference');
  if (audience === 'docs')
    out.push(
      "Generated from the command catalogs (`language/catalog/`) by `npm run docs`; do not edit by hand. The same texts appear in the editor (hover, completion, signature help) and in the simulator's `help` command.",
    );
  const choosing =
    audience === 'docs'
      ? '[language.md](language.md#dialects) says how a file chooses'
      : 'a first line `# minimega: 3.1` or the `minimega.dialect` setting chooses, else 2.3';
  out.push(
    `It covers both dialects \`mm\` speaks, minimega 2.3 and minimega 3.1 (${choosing}). A command that is the same in both is described once, marked *2.3 and 3.1*; where they differ, the 2.3 and the 3.1 form follow each other under the command's heading, and commands only one of them has say so.`,
  );
  out.push(
    [
      'How to read the patterns:',
      '',
      '- `word` is typed as is; any unique prefix works (`vm l` for `vm launch`).',
      '- `<name>` is a required value, `[name]` an optional one; text after the first word only describes it.',
      '- `<a,b>` means one of the listed words, `[a,b]` one of them or nothing; `<word,>` is a keyword.',
      '- `...` after a value takes all the remaining words; `(command)` is a whole nested command line.',
    ].join('\n'),
  );
  out.push(
    [
      'What a command does while a namespace is active depends on its category:',
      '',
      ...(Object.keys(categoryMeaning) as Category[]).map((c) => `- \`${c}\`: ${categoryMeaning[c]}.`),
    ].join('\n'),
  );
  out.push(
    'Every minimega 2.3 command is simulated by `mm run`: commands that need hardware keep minimega\'s bookkeeping as if the hardware step worked, and the host is never touched. Each command\'s "In `mm`" paragraph says where the simulator differs from a real host; see [simulator.md](simulator.md).',
  );
  out.push('## Contents');
  out.push(
    families
      .map(
        ([group, list]) =>
          `- [${familyTitle(group)}](#${slug(familyTitle(group))}): ${list
            .map((e) => '`' + entryName(e) + '`')
            .filter(unique)
            .join(', ')}`,
      )
      .join('\n'),
  );
  for (const [group, list] of families) {
    out.push(`## ${familyTitle(group)}`);
    for (const e of list) out.push(...renderEntry(e, list));
  }
  return out.join('\n\n') + '\n';
}

function entryName(e: ReferenceEntry): string {
  return displayName(e.v23 ?? e.v31[0]!);
}

function renderEntry(e: ReferenceEntry, family: readonly ReferenceEntry[]): string[] {
  const name = entryName(e);
  const same = family.filter((x) => entryName(x) === name);
  const heading = same.length > 1 ? `### \`${name}\` (${same.indexOf(e) + 1} of ${same.length})` : `### \`${name}\``;
  if (!e.v23) return [heading, `*minimega 3.1 only.* ${e.v31[0]!.since23?.note ?? ''}`.trim(), ...renderHandler(e.v31[0]!)];
  if (e.same) return [heading, '*2.3 and 3.1.*', ...renderHandler(e.v23)];
  const out = [heading, '#### minimega 2.3', ...renderHandler(e.v23), '#### minimega 3.1'];
  if (e.v31.length === 0) out.push(`*Not in minimega 3.1.* ${e.removed?.note ?? ''}`.trim());
  for (const h of e.v31) {
    const changed = h.since23 ? `*Changed since 2.3:* ${h.since23.note}` : '';
    if (e.v31.length > 1 || displayName(h) !== name) out.push(`**\`${displayName(h)}\`**`);
    if (changed) out.push(changed);
    out.push(...renderHandler(h));
  }
  return out;
}

function renderHandler(spec: HandlerSpec): string[] {
  const facts = [`Category: \`${spec.category}\`, ${categoryMeaning[spec.category]}.`];
  const parts = ['```\n' + spec.patterns.join('\n') + '\n```', `**${spec.summary}.**`, facts.join(' '), spec.doc];
  const table = renderArgs(spec);
  if (table) parts.push(table);
  return parts;
}

function renderArgs(spec: HandlerSpec): string {
  const keys = argumentKeys(spec);
  for (const k of Object.keys(spec.args)) if (!keys.includes(k)) keys.push(k);
  const rows = keys
    .map((k) => [k, spec.args[k]] as const)
    .filter((e): e is readonly [string, ArgSpec] => e[1] !== undefined)
    .map(([k, a]) => {
      const values = a.domain ? domainNames[a.domain] : '';
      const text = a.doc ? `${a.summary}. ${a.doc}` : `${a.summary}.`;
      return `| \`${k}\` | ${cell(values)} | ${cell(text)} |`;
    });
  if (rows.length === 0) return '';
  return ['| Argument | Values | Description |', '|---|---|---|', ...rows].join('\n');
}

function familyTitle(group: string): string {
  return familyTitles[group] ?? group;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function cell(text: string): string {
  return text.replace(/\n+/g, ' ').replace(/\|/g, '\\|');
}

function unique<T>(v: T, i: number, all: readonly T[]): boolean {
  return all.indexOf(v) === i;
}
