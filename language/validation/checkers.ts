/**
 * One checker per argument domain. Each returns the problem minimega would
 * report for the value at run time, or undefined when the value is fine.
 */
import type { Command } from '../ast.js';
import type { ArgDomain } from '../catalog/types.js';
import { Codes, type Code } from '../codes.js';
import { listCount, listError, splitList } from '../ranges.js';
import { atoiError, goAtoi, goParseInt32, goParseUint } from '../text.js';
import { netspecMacError, parseNetspec } from '../netspec.js';
import { isFilter } from '../filter.js';
import { parseAliasDefinition } from '../aliases.js';
import { launchTooLarge, MAX_LAUNCH_VMS } from '../limits.js';

/**
 * A value problem without its range (the caller puts it on the word). An
 * error where minimega rejects the value at run time whatever state the node
 * is in, so `mm check` and `mm run` agree; a warning where it depends on the
 * node (`.columns` checks only a table with rows) or comes later (a value
 * `vm launch` fails on: the catalog's `rejected: 'at-launch'`).
 */
export interface ValueProblem {
  readonly code: Code;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Checks one value of a command: the word at `index` of `command.words`. */
export type Checker = (value: string, command: Command, index: number) => ValueProblem | undefined;

const reject = (code: Code, message: string): ValueProblem => ({ code, severity: 'error', message });

/** Whether `s` may be an integer for Go's Atoi (starts with a digit or a sign): a cheap test first. */
function mayBeInt(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
}

/** Integers of at most 18 digits, always within int64. */
const SHORT_INT = /^[+-]?[0-9]{1,18}$/;

/** Whether Go's Atoi accepts `s`. */
function isGoInt(s: string): boolean {
  return SHORT_INT.test(s) || goAtoi(s) !== undefined;
}

/** Checks a VM name list for `vm launch` (2.3's launch-time errors). */
export function checkVmNames(value: string): string | undefined {
  const count = mayBeInt(value) ? goParseInt32(value) : undefined;
  if (count !== undefined) return launchCountError(count);
  // Counted before anything is built: the list may be far too long to expand.
  const bound = listCount(value);
  if (typeof bound === 'string') return bound;
  if (bound > MAX_LAUNCH_VMS) return launchTooLarge(bound);
  if (!value.includes(',')) {
    // One item, so no name twice; most lists are one name or one range.
    const open = value.indexOf('[');
    if (open < 0 && !value.includes(']')) return value === '' ? 'no VMs to launch' : vmNameError(value);
    if (open > 0 && !mayBeInt(value)) {
      // `prefix[...]` names are the prefix and digits: neither `all` nor integers.
      const n = listCount(value);
      return typeof n === 'string' ? n : n === 0 ? 'no VMs to launch' : undefined;
    }
  }
  const r = splitList(value);
  if (!r.ok) return r.error;
  const names = r.values;
  if (names.length === 0) return 'no VMs to launch';
  for (const n of names) {
    const e = vmNameError(n);
    if (e) return e;
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (n !== '' && seen.has(n)) return `\`${n}\` is specified twice in VMs to launch`;
    seen.add(n);
  }
  return undefined;
}

/** What is wrong with a count of VMs to launch, if anything (the runtime refuses the launch with it). */
export function launchCountError(count: number): string | undefined {
  return count <= 0 ? 'invalid number of vms (must be > 0)' : count > MAX_LAUNCH_VMS ? launchTooLarge(count) : undefined;
}

/** What is wrong with one VM name to launch, if anything (the runtime refuses the launch with it). */
export function vmNameError(n: string): string | undefined {
  if (n === 'all') return 'invalid vm name, `all` is a reserved word';
  if (mayBeInt(n) && isGoInt(n)) return `invalid vm name, \`${n}\` is an integer`;
  return undefined;
}

/** Checks a VLAN argument: a number in 0..4095 or an alias. */
export function checkVlan(value: string): string | undefined {
  if (!mayBeInt(value)) return undefined;
  let ok: boolean;
  if (SHORT_INT.test(value)) {
    // A double is exact enough to compare a short integer with 0 and 4096: no BigInt needed.
    const v = Number(value);
    ok = v >= 0 && v < 4096;
  } else {
    const v = goAtoi(value);
    if (v === undefined) return undefined;
    ok = v >= 0n && v < 4096n;
  }
  return ok ? undefined : 'invalid VLAN (0 <= vlan < 4096)';
}

const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// \u00b5 is µ, escaped so that the bundles stay ASCII (bin/mm.cjs reads them as Latin-1).
const DURATION = /^(?:\d+|(?:\d+(?:\.\d+)?(?:ns|us|\u00b5s|ms|s|m|h))+)$/;

/** The domains whose checker reads more of its command than the value it checks (a range's end reads its start). */
export const READS_COMMAND: ReadonlySet<ArgDomain> = new Set<ArgDomain>(['rangeEnd', 'alias']);

/** The checker of each argument domain that has one. */
export const valueCheckers: Readonly<Partial<Record<ArgDomain, Checker>>> = {
  int: (v) => (isGoInt(v) ? undefined : reject(Codes.valueInteger, atoiError(v))),
  rangeEnd: (v, c) => {
    if (!isGoInt(v)) return reject(Codes.valueInteger, atoiError(v));
    const min = c.args.string.min;
    // minimega's wording is reversed: it means that max must be above min.
    return min !== undefined && isGoInt(min) && goAtoi(v)! <= goAtoi(min)! ? reject(Codes.valueRange, 'expected min > max') : undefined;
  },
  uint: (v) => {
    const n = goParseUint(v);
    return typeof n === 'string' ? reject(Codes.valueUnsigned, n) : undefined;
  },
  float: (v) => (FLOAT.test(v) ? undefined : reject(Codes.valueFloat, `expected a number, got \`${v}\``)),
  duration: (v) => (DURATION.test(v) ? undefined : reject(Codes.valueDuration, `expected a duration such as 100ms or 1s, got \`${v}\``)),
  vmNames: (v) => {
    const e = checkVmNames(v);
    return e ? reject(Codes.valueVmNames, e) : undefined;
  },
  vmTarget: (v) => {
    const e = listError(v);
    return e === undefined ? undefined : reject(Codes.valueVmTarget, e);
  },
  hosts: (v) => {
    const e = listError(v);
    return e === undefined ? undefined : reject(Codes.valueHosts, `invalid hosts -- ${e}`);
  },
  vlan: (v) => {
    const e = checkVlan(v);
    return e ? reject(Codes.valueVlan, e) : undefined;
  },
  netspec: (v) => {
    // A spec without a comma is a VLAN alone (no bridge, MAC or driver to check).
    if (!v.includes(',')) {
      const e = checkVlan(v);
      return e ? reject(Codes.valueVlan, e) : undefined;
    }
    const r = parseNetspec(v);
    if (!r.ok) return reject(Codes.valueNetspec, r.error);
    const e = checkVlan(r.spec.vlan);
    if (e) return reject(Codes.valueVlan, e);
    const m = netspecMacError(r.spec);
    return m ? reject(Codes.valueNetspec, m) : undefined;
  },
  filter: (v) => (isFilter(v) ? undefined : reject(Codes.valueFilter, 'invalid filter, see help')),
  alias: (_v, c, i) => {
    // `.alias`'s definition is its whole list: checked once, at its first word (not once per word).
    const parts = c.args.list.alias;
    if (!parts || (i > 0 && c.wordItems[i - 1] === c.wordItems[i])) return undefined;
    return parseAliasDefinition(parts) ? undefined : reject(Codes.valueAlias, 'expected alias of format `alias=expansion`');
  },
  namespace: (v) => (v === '' ? reject(Codes.valueNamespace, 'namespace names cannot be empty') : undefined),
  // Annotation adds `host` when the table is printed: the table `.columns` sees has no such column.
  // Only a table with rows is checked, so this one depends on the node's state: a warning.
  columns: (v) =>
    v.split(',').includes('host')
      ? {
          code: Codes.valueColumns,
          severity: 'warning',
          message: 'no such column `host` (annotation adds the `host` column when the table is printed; `.columns` cannot keep it)',
        }
      : undefined,
};
