/**
 * The `vm config` commands that recreate a config snapshot on another node
 * (decision 2: the scheduler dispatches ordinary commands).
 */
import { quoteWord } from '../language/index.js';
import { createDefaultConfig, type VmConfig } from './vm-config-state.js';

/** Command lines that turn a node's config into `c` (starting from `clear vm config`). */
export function configCommands(c: VmConfig): string[] {
  const d = createDefaultConfig();
  const out = ['clear vm config'];
  const set = (field: string, value: string, def: string): void => {
    if (value !== def) out.push(`vm config ${field} ${quoteWord(value)}`);
  };
  const setList = (field: string, values: readonly string[], def: readonly string[]): void => {
    if (values.join('\u0000') !== def.join('\u0000')) out.push(`vm config ${field} ${values.map(quoteWord).join(' ')}`);
  };
  set('memory', c.memory, d.memory);
  set('vcpus', c.vcpus, d.vcpus);
  set('cpu', c.cpu, d.cpu);
  if (c.net.length) {
    out.push(
      `vm config net ${c.net
        .map((n) => [n.bridge, String(n.vlan), n.mac, n.driver].filter((x) => x !== '').join(','))
        .map(quoteWord)
        .join(' ')}`,
    );
  }
  for (const [k, v] of [...c.tags].sort()) out.push(`vm config tag ${quoteWord(k)} ${quoteWord(v)}`);
  if (c.append !== '') out.push(`vm config append ${c.append.split(' ').map(quoteWord).join(' ')}`);
  set('qemu', c.qemu, d.qemu);
  setList('qemu-append', c.qemuAppend, d.qemuAppend);
  set('migrate', c.migrate, d.migrate);
  setList('disk', c.disk, d.disk);
  set('cdrom', c.cdrom, d.cdrom);
  set('kernel', c.kernel, d.kernel);
  set('initrd', c.initrd, d.initrd);
  set('uuid', c.uuid, d.uuid);
  set('serial', String(c.serial), String(d.serial));
  set('virtio-serial', String(c.virtioSerial), String(d.virtioSerial));
  set('snapshot', String(c.snapshot), String(d.snapshot));
  set('hostname', c.hostname, d.hostname);
  setList('init', c.init, d.init);
  set('preinit', c.preinit, d.preinit);
  set('filesystem', c.filesystem, d.filesystem);
  set('fifo', String(c.fifo), String(d.fifo));
  return out;
}
