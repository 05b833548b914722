/**
 * `viz <file>`: writes a Graphviz graph of the experiment, every VM joined
 * to the VLANs of its interfaces and coloured by its state. The VMs come
 * from `vm info` (so from every host of the active namespace); the file is
 * the one thing written, through the files directory's rules for who may
 * open what.
 */
import { reply, str, type Handler } from './types.js';
import { writeHostFile } from './host-files.js';

const COLOURS: Readonly<Record<string, string>> = {
  BUILDING: 'yellow',
  RUNNING: 'green',
  PAUSED: 'orange',
  QUIT: 'grey',
  ERROR: 'red',
};

/** The VLANs of a `vm info` vlan cell (`[100 web (101) disconnected]`), without disconnected NICs. */
function vlansOf(cell: string): string[] {
  const out: string[] = [];
  for (const w of cell.replace(/^\[|\]$/g, '').split(' ')) {
    // An alias prints as `name (number)`: the number belongs to the word before.
    if (/^\([0-9]+\)$/.test(w) && out.length > 0) out[out.length - 1] += ` ${w}`;
    else if (w !== '') out.push(w);
  }
  return out.filter((v) => v !== 'disconnected');
}

const viz: Handler = async (ctx) => {
  const c = ctx.node.language.compile('.columns name,state,vlan vm info');
  const batches = c.kind === 'command' ? await ctx.run(c.command, { ...ctx.options, record: false, compiledRecord: false }) : [];
  const vms: { host: string; name: string; state: string; vlans: string[] }[] = [];
  for (const r of batches.flat())
    for (const [name, state, vlan] of r.tabular ?? []) vms.push({ host: r.host, name: name!, state: state!, vlans: vlansOf(vlan!) });
  vms.sort((a, b) => (a.host + '\0' + a.name < b.host + '\0' + b.name ? -1 : 1));
  const q = (s: string): string => JSON.stringify(s);
  const lines = ['graph minimega {'];
  for (const vlan of [...new Set(vms.flatMap((v) => v.vlans))].sort()) lines.push(`\t${q(`vlan ${vlan}`)} [shape=box];`);
  for (const v of vms) lines.push(`\t${q(`${v.host}/${v.name}`)} [label=${q(v.name)},style=filled,fillcolor=${COLOURS[v.state] ?? 'white'}];`);
  for (const v of vms) for (const vlan of v.vlans) lines.push(`\t${q(`${v.host}/${v.name}`)} -- ${q(`vlan ${vlan}`)};`);
  lines.push('}', '');
  writeHostFile(ctx, str(ctx, 'filename'), lines.join('\n'));
  return reply(ctx);
};

export const vizHandlers: Record<string, Handler> = { viz };
