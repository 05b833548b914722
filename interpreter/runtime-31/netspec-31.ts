/**
 * 3.1's netspec and diskspec readings (runtime-3.1.md §5.8-5.9), with the
 * simulator's fixed QEMU lists (§9.3: the NICs, CPUs and machines of the
 * verified runs).
 */

/** QEMU's NIC models as the verified 3.1 runs listed them. */
export const QEMU_NICS = new Set([
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
]);
export const QEMU_CPUS = new Set(['host', 'qemu64']);
export const QEMU_MACHINES = new Set(['pc', 'q35']);

/** A netspec's parts before the VLAN is resolved. */
export interface NetParts {
  readonly bridge: string;
  readonly vlan: string;
  readonly mac: string;
  readonly driver: string;
  readonly qinq: boolean;
}

const HEX2 = '[0-9A-Fa-f]{2}';
const MAC_FORMS = [6, 8, 20].flatMap((n) => [
  new RegExp(`^${HEX2}(?::${HEX2}){${n - 1}}$`),
  new RegExp(`^${HEX2}(?:-${HEX2}){${n - 1}}$`),
  new RegExp(`^[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){${n / 2 - 1}}$`),
]);

/** Whether Go's net.ParseMAC accepts the text. */
export const isMac = (s: string): boolean => MAC_FORMS.some((r) => r.test(s));
const isQ = (s: string): boolean => s.toLowerCase() === 'qinq';
const isDriver = (s: string): boolean => QEMU_NICS.has(s);

const parts = (bridge: string, vlan: string, mac = '', driver = '', qinq = false): NetParts => ({
  bridge: bridge === '' ? 'mega_bridge' : bridge,
  vlan,
  mac: mac.toLowerCase(),
  driver: driver === '' ? 'e1000' : driver,
  qinq,
});

/** Reads one netspec; undefined for `malformed netspec`. */
export function parseNetspec31(spec: string): NetParts | undefined {
  const f = spec.split(',');
  const [a = '', b = '', c = '', d = '', e = ''] = f;
  switch (f.length) {
    case 1:
      return parts('', a);
    case 2:
      if (isQ(b)) return parts('', a, '', '', true);
      if (isMac(b)) return parts('', a, b);
      if (isDriver(b)) return parts('', a, '', b);
      return parts(a, b);
    case 3:
      if (isMac(b) && isQ(c)) return parts('', a, b, '', true);
      if (isDriver(b) && isQ(c)) return parts('', a, '', b, true);
      if (isQ(c)) return parts(a, b, '', '', true);
      if (isMac(c)) return parts(a, b, c);
      if (isMac(b) && isDriver(c)) return parts('', a, b, c);
      if (isDriver(c)) return parts(a, b, '', c);
      return undefined;
    case 4:
      if (isMac(b) && isDriver(c) && isQ(d)) return parts('', a, b, c, true);
      if (isMac(c) && isQ(d)) return parts(a, b, c, '', true);
      if (isDriver(c) && isQ(d)) return parts(a, b, '', c, true);
      if (isMac(c) && isDriver(d)) return parts(a, b, c, d);
      return undefined;
    case 5:
      if (isMac(c) && isDriver(d) && isQ(e)) return parts(a, b, c, d, true);
      return undefined;
    default:
      return undefined;
  }
}

const DISK_INTERFACES = new Set(['ahci', 'ide', 'scsi', 'sd', 'mtd', 'floppy', 'pflash', 'virtio']);
const DISK_CACHES = new Set(['none', 'writeback', 'unsafe', 'directsync', 'writethrough']);

/** A diskspec's path and the rest (`,virtio,none`); undefined for `malformed diskspec`. */
export function parseDiskspec31(spec: string): { path: string; rest: string } | undefined {
  const [path = '', ...more] = spec.split(',');
  if (more.length === 0) return { path, rest: '' };
  if (more.length === 1 && (DISK_INTERFACES.has(more[0]!) || DISK_CACHES.has(more[0]!))) return { path, rest: `,${more[0]}` };
  if (more.length === 2 && DISK_INTERFACES.has(more[0]!) && DISK_CACHES.has(more[1]!)) return { path, rest: `,${more.join(',')}` };
  return undefined;
}
