/**
 * The QEMU command line 2.3 builds for a KVM VM, and the
 * `vm config qemu-override` listing that shows it before and after the
 * overrides, byte for byte.
 */
import { CommandError } from './command-error.js';
import type { VmConfig } from './vm-config-state.js';

/** What the command line needs beyond the config. */
export interface ArgvContext {
  /** The VM id (`0` in the listing). */
  readonly id: number;
  /** The instance directory (`/tmp/minimega/<id>`; empty in the listing, so paths are bare names). */
  readonly dir: string;
  /** Tap names per NIC (empty strings in the listing). */
  readonly taps: readonly string[];
  /** MACs per NIC (the configured ones in the listing, empty when none). */
  readonly macs: readonly string[];
  /** The hugepages mount set with `optimize hugepages`, or "". */
  readonly hugepages: string;
}

export interface QemuOverride {
  readonly id: number;
  readonly match: string;
  readonly replacement: string;
}

/** PCI slots per bridge: a new `pci-bridge` is added when the slot reaches this. */
const SLOTS = 32;
/** virtio-serial ports per controller (port 0 is reserved). */
const PORTS_PER_CONTROLLER = 30;

/**
 * The longest QEMU command line the listing builds, in characters (docs/security.md). One
 * number makes the line grow without bound: `vm config serial 2147483648` asks for billions of
 * arguments, and overrides whose replacement holds their match multiply it one after another;
 * 2.3 runs out of memory on either. Past this the listing is refused, before it is built.
 */
export const MAX_QEMU_LINE = 16 * 1024 * 1024;

/** The error of a listing over MAX_QEMU_LINE. */
function lineTooLong(): CommandError {
  return new CommandError(`qemu-override: the QEMU command line would be too long (the limit is ${MAX_QEMU_LINE} characters)`);
}

/** The argv elements, in 2.3's order; a CommandError when they would be longer than MAX_QEMU_LINE. */
export function qemuArgv(c: VmConfig, x: ArgvContext): string[] {
  const at = (name: string): string => (x.dir === '' ? name : `${x.dir}/${name}`);
  const a: string[] = ['-enable-kvm', '-name', String(x.id), '-m', c.memory, '-nographic', '-balloon', 'none'];
  // The ports are the only part a short line can make long (one count, any size): their
  // characters are counted as they are added, so a count in the billions stops at the limit.
  let portChars = 0;
  const port = (chardev: string, device: string): void => {
    // `-chardev X -device Y ` in the Before line.
    portChars += chardev.length + device.length + 19;
    if (portChars > MAX_QEMU_LINE) throw lineTooLong();
    a.push('-chardev', chardev, '-device', device);
  };
  a.push('-vnc', `unix:${at('vnc')}`, '-usbdevice', 'tablet', '-smp', c.vcpus, '-qmp', `unix:${at('qmp')},server`);
  a.push('-vga', 'cirrus', '-rtc', 'clock=vm,base=utc', '-device', 'virtio-serial');
  for (let i = 0; i < c.serial; i++) port(`socket,id=charserial${i},path=${at(`serial${i}`)},server,nowait`, `isa-serial,chardev=charserial${i},id=serial${i}`);
  a.push('-pidfile', at('qemu.pid'), '-k', 'en-us');
  if (c.cpu !== '') a.push('-cpu', c.cpu);
  a.push('-net', 'none', '-S');
  if (c.migrate !== '') a.push('-incoming', `exec:cat ${c.migrate}`);
  for (const d of c.disk) a.push('-drive', `file=${d},media=disk`);
  if (c.snapshot) a.push('-snapshot');
  if (c.kernel !== '') a.push('-kernel', c.kernel);
  if (c.initrd !== '') a.push('-initrd', c.initrd);
  if (c.append !== '') a.push('-append', c.append);
  if (c.cdrom !== '') a.push('-drive', `file=${c.cdrom},if=ide,index=1,media=cdrom`, '-boot', 'once=d');

  let bus = 1;
  let slot = 1;
  a.push('-device', `pci-bridge,id=pci.${bus},chassis_nr=${bus}`);
  /** Adds a device on the next slot; a full bridge gets a new one after it. */
  const device = (spec: string): void => {
    a.push('-device', `${spec},bus=pci.${bus},addr=0x${slot.toString(16)}`);
    slot++;
    if (slot === SLOTS) {
      slot = 1;
      bus++;
      a.push('-device', `pci-bridge,id=pci.${bus},chassis_nr=${bus}`);
    }
  };
  c.net.forEach((n, i) => {
    const tap = x.taps[i] ?? '';
    a.push('-netdev', `tap,id=${tap},script=no,ifname=${tap}`);
    device(`driver=${n.driver},netdev=${tap},mac=${x.macs[i] ?? ''}`);
  });
  device('virtio-serial-pci,id=virtio-serial0');
  a.push('-chardev', `socket,id=charvserialCC,path=${at('cc')},server,nowait`);
  a.push('-device', 'virtserialport,nr=1,bus=virtio-serial0.0,chardev=charvserialCC,id=charvserialCC,name=cc');
  let controller = 0;
  for (let i = 0; i < c.virtioSerial; i++) {
    const nr = (i % PORTS_PER_CONTROLLER) + 1;
    if (nr === 1) {
      controller++;
      device(`virtio-serial-pci,id=virtio-serial${controller}`);
    }
    port(
      `socket,id=charvserial${i},path=${at(`virtio-serial${i}`)},server,nowait`,
      `virtserialport,nr=${nr},bus=virtio-serial${controller}.0,chardev=charvserial${i},id=charvserial${i},name=virtio-serial${i}`,
    );
  }
  if (x.hugepages !== '') a.push('-mem-info', x.hugepages);
  a.push(...c.qemuAppend);
  a.push('-uuid', c.uuid);
  return a;
}

/** Go's unicode.IsSpace. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const GO_SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The Before line: elements joined by spaces, those with whitespace in quotes, trimmed. */
export function joinArgv(argv: readonly string[]): string {
  return trimGoSpace(argv.map((e) => (GO_SPACE.test(e) ? `"${e}"` : e)).join(' '));
}

/**
 * The After line: the overrides replace text in the Before line (plain
 * substring replacement, in id order), then it is split on whitespace with
 * quoted groups kept together and their quotes removed, and joined again.
 * A CommandError when a replacement would make it longer than MAX_QEMU_LINE.
 */
export function applyOverrides(before: string, overrides: readonly QemuOverride[]): string {
  let line = before;
  for (const o of [...overrides].sort((p, q) => p.id - q.id)) {
    // Measured before it is built: each override may multiply the line's length.
    if (line.length + occurrences(line, o.match) * (o.replacement.length - o.match.length) > MAX_QEMU_LINE) throw lineTooLong();
    line = line.split(o.match).join(o.replacement);
  }
  return splitQuoted(line).join(' ');
}

/** How many times `split` finds `match` in `line`: left to right, without overlaps. */
function occurrences(line: string, match: string): number {
  // The handler refuses an empty match (2.3 exits on one); counted as a gap between every two characters, never looped on.
  if (match === '') return line.length + 1;
  let n = 0;
  for (let i = line.indexOf(match); i >= 0; i = line.indexOf(match, i + match.length)) n++;
  return n;
}

/** 2.3's `fieldsQuoteEscape`: whitespace-separated words, `"`-quoted groups as one element without their quotes. */
function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let group: string | undefined;
  for (const w of line.split(GO_SPACES).filter((x) => x !== '')) {
    if (group !== undefined) {
      if (w.includes('"')) {
        out.push(`${group} ${trimQuotes(w)}`);
        group = undefined;
      } else group += ` ${w}`;
    } else if (w.includes('"')) {
      // A word quoted on its own (`"x"`) is one element.
      if (w.endsWith('"')) out.push(trimQuotes(w));
      else group = trimQuotes(w);
    } else out.push(w);
  }
  return out;
}

function trimQuotes(w: string): string {
  return w.replace(/^"+|"+$/g, '');
}

function trimGoSpace(s: string): string {
  return s.replace(new RegExp(`^${GO_SPACES.source}|${GO_SPACES.source}$`, 'g'), '');
}

/** The `vm config qemu-override` listing (trimmed as 2.3 trims it). */
export function overrideListing(argv: readonly string[], overrides: readonly QemuOverride[]): string {
  const before = joinArgv(argv);
  const lines = ['id\tmatch\treplacement'];
  for (const o of [...overrides].sort((p, q) => p.id - q.id)) lines.push(`${o.id}\t"${o.match}"\t"${o.replacement}"`);
  lines.push('', 'Before overrides:', before, '', 'After overrides:', applyOverrides(before, overrides));
  return trimGoSpace(lines.join('\n'));
}
