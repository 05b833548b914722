/**
 * One checker per argument domain. Each returns the problem minimega would
 * report for the value at run time, or undefined when the value is fine.
 */
import type { Command } from '../ast.js';
import type { ArgDomain } from '../catalog/types.js';
import { Codes, type Code } from '../codes.js';
import { splitList } from '../ranges.js';
import { atoiError, goAtoi, goParseInt32, goParseUint } from '../text.js';
import { netspecMacError, parseNetspec } from '../netspec.js';
import { parseFilter } from '../filter.js';
import { parseAliasDefinition } from '../compile.js';

/** A value problem without its range (the caller puts it on the word). */
export interface ValueProblem {
  readonly code: Code;
  readonly severity: 'warning';
  readonly message: string;
}

type Checker = (value: string, command: Command) => ValueProblem | undefined;

const warn = (code: Code, message: string): ValueProblem => ({ code, severity: 'warning', message });

/** Checks a VM name list for `vm launch` (2.3's launch-time errors). */
export function checkVmNames(value: string): string | undefined {
  const count = goParseInt32(value);
  if (count !== undefined) return count <= 0 ? 'invalid number of vms (must be > 0)' : undefined;
  const r = splitList(value);
  if (!r.ok) return r.error;
  if (r.values.length === 0) return 'no VMs to launch';
  for (const n of r.values) {
    if (n === 'all') return 'invalid vm name, `all` is a reserved word';
    if (goAtoi(n) !== undefined) return `invalid vm name, \`${n}\` is an integer`;
  }
  const seen = new Set<string>();
  for (const n of r.values) {
    if (n !== '' && seen.has(n)) return `\`${n}\` is specified twice in VMs to launch`;
    seen.add(n);
  }
  return undefined;
}

/** Checks a VLAN argument: a number in 0..4095 or an alias. */
export function checkVlan(value: string): string | undefined {
  const v = goAtoi(value);
  if (v === undefined) return undefined;
  return v < 0n || v >= 4096n ? 'invalid VLAN (0 <= vlan < 4096)' : undefined;
}

export const valueCheckers: Partial<Record<ArgDomain, Checker>> = {
  int: (v) => (goAtoi(v) === undefined ? warn(Codes.valueInteger, atoiError(v)) : undefined),
  uint: (v) => {
    const n = goParseUint(v);
    return typeof n === 'string' ? warn(Codes.valueUnsigned, n) : undefined;
  },
  float: (v) =>
    /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(v) ? undefined : warn(Codes.valueFloat, `expected a number, got \`${v}\``),
  duration: (v) =>
    /^(?:\d+|(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/.test(v)
      ? undefined
      : warn(Codes.valueDuration, `expected a duration such as 100ms or 1s, got \`${v}\``),
  vmNames: (v) => {
    const e = checkVmNames(v);
    return e ? warn(Codes.valueVmNames, e) : undefined;
  },
  vmTarget: (v) => {
    const r = splitList(v);
    return r.ok ? undefined : warn(Codes.valueVmTarget, r.error);
  },
  hosts: (v) => {
    const r = splitList(v);
    return r.ok ? undefined : warn(Codes.valueHosts, `invalid hosts -- ${r.error}`);
  },
  vlan: (v) => {
    const e = checkVlan(v);
    return e ? warn(Codes.valueVlan, e) : undefined;
  },
  netspec: (v) => {
    const r = parseNetspec(v);
    if (!r.ok) return warn(Codes.valueNetspec, r.error);
    const e = checkVlan(r.spec.vlan);
    if (e) return warn(Codes.valueVlan, e);
    const m = netspecMacError(r.spec);
    return m ? warn(Codes.valueNetspec, m) : undefined;
  },
  filter: (v) => (parseFilter(v) ? undefined : warn(Codes.valueFilter, 'invalid filter, see help')),
  alias: (v, c) => {
    const parts = c.args.list.alias ?? [];
    if (parts[0] !== v) return undefined;
    return parseAliasDefinition(parts) ? undefined : warn(Codes.valueAlias, 'expected alias of format `alias=expansion`');
  },
  namespace: (v) => (v === '' ? warn(Codes.valueNamespace, 'namespace names cannot be empty') : undefined),
};
