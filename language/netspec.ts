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

/** Parses one spec (shape and driver); the error strings are 2.3's. */
export function parseNetspec(spec: string): NetspecResult {
  const f = spec.split(',');
  let bridge = DEFAULT_BRIDGE;
  let vlan: string;
  let mac = '';
  let driver = DEFAULT_DRIVER;
  let driverGiven = false;
  switch (f.length) {
    case 1:
      vlan = f[0]!;
      break;
    case 2:
      if (isMac(f[1]!)) {
        vlan = f[0]!;
        mac = f[1]!;
      } else if (NIC_DRIVERS.includes(f[1]!)) {
        vlan = f[0]!;
        driver = f[1]!;
        driverGiven = true;
      } else {
        bridge = f[0]!;
        vlan = f[1]!;
      }
      break;
    case 3:
      if (isMac(f[2]!)) {
        bridge = f[0]!;
        vlan = f[1]!;
        mac = f[2]!;
      } else if (isMac(f[1]!)) {
        vlan = f[0]!;
        mac = f[1]!;
        driver = f[2]!;
        driverGiven = true;
      } else {
        bridge = f[0]!;
        vlan = f[1]!;
        driver = f[2]!;
        driverGiven = true;
      }
      break;
    case 4:
      bridge = f[0]!;
      vlan = f[1]!;
      mac = f[2]!;
      driver = f[3]!;
      driverGiven = true;
      break;
    default:
      return { ok: false, error: 'malformed netspec' };
  }
  if (driverGiven && !NIC_DRIVERS.includes(driver)) return { ok: false, error: `malformed netspec, invalid driver: ${driver}` };
  return { ok: true, spec: { bridge, vlan, mac, driver } };
}

/**
 * The MAC check, separate because 2.3 resolves the VLAN (which may allocate an
 * alias) before it looks at the MAC. Returns the error or undefined.
 */
export function netspecMacError(spec: Netspec): string | undefined {
  return spec.mac !== '' && !isMac(spec.mac) ? `malformed netspec, invalid mac address: ${spec.mac}` : undefined;
}
