/**
 * `vm config net` specs: `[bridge,]vlan[,mac][,driver]`, disambiguated the way
 * minimega 2.3 does (MAC first, then a known driver, else a bridge).
 */

/** NIC drivers the simulator accepts (2.3 asked `qemu -device help`). */
export const NIC_DRIVERS: readonly string[] = [
  'e1000',
  'e1000e',
  'i82550',
  'i82551',
  'i82557a',
  'i82557b',
  'i82557c',
  'i82558a',
  'i82558b',
  'i82559a',
  'i82559b',
  'i82559c',
  'i82559er',
  'i82562',
  'i82801',
  'ne2k_pci',
  'pcnet',
  'rtl8139',
  'virtio-net-pci',
  'vmxnet3',
  'usb-net',
];

export const DEFAULT_BRIDGE = 'mega_bridge';
export const DEFAULT_DRIVER = 'e1000';

/** One parsed interface spec (the VLAN is still unresolved text). */
export interface Netspec {
  readonly bridge: string;
  readonly vlan: string;
  readonly mac: string;
  readonly driver: string;
}

export type NetspecResult = { readonly ok: true; readonly spec: Netspec } | { readonly ok: false; readonly error: string };

const HEX2 = '[0-9a-fA-F]{2}';
const HEX4 = '[0-9a-fA-F]{4}';

/**
 * Go's net.ParseMAC forms (`xx:xx:...`, `xx-xx-...`, `xxxx.xxxx...`) for 6, 8
 * and 20 bytes, by the one length each accepts: one expression per length.
 */
const MAC_BY_LENGTH: ReadonlyMap<number, RegExp> = new Map(
  [6, 8, 20].flatMap((n): [number, RegExp][] => [
    [3 * n - 1, new RegExp(`^${HEX2}(?:(?::${HEX2}){${n - 1}}|(?:-${HEX2}){${n - 1}})$`)],
    [(n / 2) * 5 - 1, new RegExp(`^${HEX4}(?:\\.${HEX4}){${n / 2 - 1}}$`)],
  ]),
);

/** Go's net.ParseMAC for the 6-, 8- and 20-byte forms. */
export function isMac(s: string): boolean {
  const re = MAC_BY_LENGTH.get(s.length);
  return re?.test(s) === true;
}

/** What each comma-separated field of a spec is. */
export type NetspecField = keyof Netspec;

const LAYOUTS = {
  vlan: ['vlan'],
  vlanMac: ['vlan', 'mac'],
  vlanDriver: ['vlan', 'driver'],
  bridgeVlan: ['bridge', 'vlan'],
  bridgeVlanMac: ['bridge', 'vlan', 'mac'],
  vlanMacDriver: ['vlan', 'mac', 'driver'],
  bridgeVlanDriver: ['bridge', 'vlan', 'driver'],
  all: ['bridge', 'vlan', 'mac', 'driver'],
} as const satisfies Record<string, readonly NetspecField[]>;

/**
 * What each field of a spec split at commas is, as 2.3 tells them apart (a
 * MAC first, then a known driver, else a bridge); undefined for more than
 * four fields. The parser and the name index (which finds the VLAN's
 * offset) both read a spec by it.
 */
export function netspecLayout(fields: readonly string[]): readonly NetspecField[] | undefined {
  switch (fields.length) {
    case 1:
      return LAYOUTS.vlan;
    case 2:
      return isMac(fields[1]!) ? LAYOUTS.vlanMac : NIC_DRIVERS.includes(fields[1]!) ? LAYOUTS.vlanDriver : LAYOUTS.bridgeVlan;
    case 3:
      return isMac(fields[2]!) ? LAYOUTS.bridgeVlanMac : isMac(fields[1]!) ? LAYOUTS.vlanMacDriver : LAYOUTS.bridgeVlanDriver;
    case 4:
      return LAYOUTS.all;
    default:
      return undefined;
  }
}

/** Parses one spec (shape and driver); the error strings are 2.3's. */
export function parseNetspec(spec: string): NetspecResult {
  const f = spec.split(',');
  const layout = netspecLayout(f);
  if (!layout) return { ok: false, error: 'malformed netspec' };
  const parsed: Record<NetspecField, string> = { bridge: DEFAULT_BRIDGE, vlan: '', mac: '', driver: DEFAULT_DRIVER };
  for (let i = 0; i < layout.length; i++) parsed[layout[i]!] = f[i]!;
  // A driver written in the spec must be one the simulator knows; the default always is.
  if (layout.includes('driver') && !NIC_DRIVERS.includes(parsed.driver)) return { ok: false, error: `malformed netspec, invalid driver: ${parsed.driver}` };
  return { ok: true, spec: parsed };
}

/**
 * The MAC check, separate because 2.3 resolves the VLAN (which may allocate an
 * alias) before it looks at the MAC. Returns the error or undefined.
 */
export function netspecMacError(spec: Netspec): string | undefined {
  return spec.mac !== '' && !isMac(spec.mac) ? `malformed netspec, invalid mac address: ${spec.mac}` : undefined;
}
