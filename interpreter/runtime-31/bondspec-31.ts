/**
 * 3.1's bondspec (`vm config bonds`, catalog-3.1.json vmConfigParams):
 * `IFACES...,MODE[,LACP][,no-lacp-fallback][,qinq][,NAME]`, at least two
 * interface indexes, LACP `active` unless given. Parsed when the config is
 * set (with 3.1's errors) and again when a VM launches with it.
 */
import { goAtoi } from '../../language/index.js';
import { CommandError } from '../handlers/types.js';

export const BOND_MODES = ['active-backup', 'balance-slb', 'balance-tcp'] as const;
export const LACP_MODES = ['active', 'passive', 'off'] as const;

export interface BondSpec31 {
  readonly interfaces: readonly number[];
  readonly mode: string;
  readonly lacp: string;
  readonly fallback: boolean;
  readonly qinq: boolean;
  /** Undefined: the bond gets a generated name. */
  readonly name?: string;
}

const isOneOf = (list: readonly string[], w: string): boolean => list.includes(w);

/** Parses one bondspec; throws `malformed bondspec` or `invalid interface index <i> provided in bondspec`. */
export function parseBondspec31(spec: string): BondSpec31 {
  const fields = spec.split(',');
  if (fields.length < 3) throw new CommandError('malformed bondspec');
  const at = fields.findIndex((f) => isOneOf(BOND_MODES, f));
  for (const f of at < 0 ? fields : fields.slice(0, at)) {
    if (goAtoi(f) === undefined) throw new CommandError(`invalid interface index ${f} provided in bondspec`);
  }
  if (at < 2) throw new CommandError('malformed bondspec');
  const rest = fields.slice(at + 1);
  const word = (w: string): boolean => rest.includes(w);
  const name = rest.find((f) => !isOneOf(LACP_MODES, f) && f !== 'no-lacp-fallback' && f !== 'qinq');
  return {
    interfaces: fields.slice(0, at).map((f) => Number(goAtoi(f))),
    mode: fields[at]!,
    lacp: rest.find((f) => isOneOf(LACP_MODES, f)) ?? 'active',
    fallback: !word('no-lacp-fallback'),
    qinq: word('qinq'),
    ...(name === undefined ? {} : { name }),
  };
}
