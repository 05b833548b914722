/**
 * A 3.1 config as the text a scheduler leg carries to another node (the
 * whole config structure, VLANs already resolved, as 3.1 sends it, §4.4),
 * and back. A payload that does not parse is refused with an error.
 */
import { CommandError } from '../handlers/types.js';
import { createConfig31, type Config31, type Net31 } from './config-31.js';

interface ConfigJson {
  readonly values: [string, string][];
  readonly lists: [string, string[]][];
  readonly maps: [string, [string, string][]][];
  readonly nets: Net31[];
  readonly bonds: string[];
  readonly disks: string[];
  readonly overrides: { match: string; replacement: string }[];
}

/** The payload text of a config. */
export function configToJson(c: Config31): string {
  const j: ConfigJson = {
    values: [...c.values],
    lists: [...c.lists],
    maps: [...c.maps].map(([k, m]) => [k, [...m]]),
    nets: c.nets,
    bonds: c.bonds,
    disks: c.disks,
    overrides: c.overrides,
  };
  return JSON.stringify(j);
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrs = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
const isPairs = (x: unknown): x is [string, string][] => Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isStr(p[1]));

function isNet(x: unknown): x is Net31 {
  if (typeof x !== 'object' || x === null) return false;
  const n = x as Record<string, unknown>;
  return isStr(n.vlanText) && typeof n.vlan === 'number' && isStr(n.bridge) && isStr(n.mac) && isStr(n.driver) && typeof n.qinq === 'boolean';
}

/** The config a payload carries; throws when it is not one. */
export function configFromJson(text: string): Config31 {
  let j: Partial<Record<keyof ConfigJson, unknown>>;
  try {
    j = JSON.parse(text) as typeof j;
  } catch {
    throw new CommandError('malformed launch payload');
  }
  const ok =
    isPairs(j.values) &&
    Array.isArray(j.lists) &&
    j.lists.every((p) => Array.isArray(p) && isStr(p[0]) && isStrs(p[1])) &&
    Array.isArray(j.maps) &&
    j.maps.every((p) => Array.isArray(p) && isStr(p[0]) && isPairs(p[1])) &&
    Array.isArray(j.nets) &&
    j.nets.every(isNet) &&
    isStrs(j.bonds) &&
    isStrs(j.disks) &&
    Array.isArray(j.overrides) &&
    j.overrides.every(
      (o) => typeof o === 'object' && o !== null && isStr((o as Record<string, unknown>).match) && isStr((o as Record<string, unknown>).replacement),
    );
  if (!ok) throw new CommandError('malformed launch payload');
  const c = createConfig31();
  for (const [k, v] of j.values as [string, string][]) if (c.values.has(k)) c.values.set(k, v);
  for (const [k, v] of j.lists as [string, string[]][]) if (c.lists.has(k)) c.lists.set(k, [...v]);
  for (const [k, m] of j.maps as [string, [string, string][]][]) if (c.maps.has(k)) c.maps.set(k, new Map(m));
  c.nets = (j.nets as Net31[]).map((n) => ({ ...n }));
  c.bonds = [...(j.bonds as string[])];
  c.disks = [...(j.disks as string[])];
  c.overrides = (j.overrides as { match: string; replacement: string }[]).map((o) => ({ match: o.match, replacement: o.replacement }));
  return c;
}
