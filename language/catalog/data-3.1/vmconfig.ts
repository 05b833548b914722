import type { HandlerSpec } from '../types.js';
import { example, nsConfig, paras, showOrSet } from './doc-text.js';
import { configParam } from './vmconfig-params.js';

/** Handlers of the `vmconfig` family, in minimega 3.1 registration order. */
export const vmconfigHandlers: readonly HandlerSpec[] = [
  {
    id: 'vm config',
    group: 'vmconfig',
    category: 'local',
    role: 'config',
    patterns: ['vm config', 'vm config <save,> <name>', 'vm config <restore,> [name]', 'vm config <clone,> <vm name>'],
    summary: "Show the namespace's VM configuration, save or restore it by name, or copy it from a VM",
    doc: paras(
      '`vm config` holds what `vm launch` gives new VMs. Each field has its own `vm config <field>` command, `clear vm config` resets them, and `ns queue` shows the copy each queued launch took.',
      '- `vm config` prints the whole configuration in four blocks: `VM configuration:` (memory, VCPUs, networks, bonds, snapshot, UUID, schedule host, coschedule limit, colocate, backchannel, tags), `KVM configuration:`, `Container configuration:` and `Android configuration:`.\n- `vm config save <name>` stores a copy under a name (overwriting one of the same name); `vm config restore <name>` loads it back (``config <name> does not exist`` otherwise), and `vm config restore` lists the stored names or answers `no vm configs saved`. `vm launch <type> <names> <name>` launches from a stored copy directly.\n- `vm config clone <vm>` copies the configuration of an existing VM of the namespace, found by name or id on any of its hosts (`vm not found: <vm>` otherwise). The UUID is not copied, and VLAN aliases of the networks are looked up again in the current namespace.',
      nsConfig + ' Stored configurations belong to the namespace too.',
      'Example:',
      example('vm config memory 4096', 'vm config networks web db', 'vm config save webserver', 'clear vm config', 'vm config restore webserver'),
    ),
    args: {
      name: {
        summary: 'Name of a stored configuration',
        doc: 'Any word, e.g. `webserver`. For `restore`, omit it to list the stored names.',
        domain: 'configName',
      },
      vm: { summary: 'VM to copy the configuration from: name or id', doc: 'A VM of the namespace on any of its hosts, e.g. `web1`.', domain: 'vmName' },
    },
    since23: {
      kind: 'behaviour',
      from: 'vm config',
      note: 'Each namespace has its own configuration and saved copies; the full view has four blocks (with `cpu` and an Android block), and `clone` no longer copies the UUID.',
    },
  },
  {
    id: 'vm config disks',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config disks [diskspec]...'],
    summary: 'Show or set the disks of new KVM VMs: image, interface, cache mode',
    doc: paras(
      showOrSet(configParam('disks'), 'the disks, e.g. `[/tmp/minimega/files/base.qcow2,virtio]`') + ' Each call replaces the whole list.',
      'A spec is `path`, `path,interface`, `path,cache` or `path,interface,cache`. Interfaces: `ahci`, `ide` (the default), `scsi`, `sd`, `mtd`, `floppy`, `pflash`, `virtio`. Cache modes: `none`, `writeback`, `unsafe`, `directsync`, `writethrough` (default `unsafe` with `vm config snapshot true`, else `writeback`). A relative path is joined to the files directory; paths cannot contain commas.',
      'Several VMs can share an image only while `vm config snapshot` is `true`; otherwise the launch fails with `disk conflict with vm <name>: <disk>`.',
      nsConfig,
      'Example:',
      example('vm config disks base.qcow2,virtio data.qcow2,ide,writeback'),
      'Errors: `malformed diskspec`, `disk conflict: <path>` (the same path twice); after an error the list is empty. `vm config disk`, the 2.3 name, still works as an abbreviation.',
    ),
    args: {
      diskspec: {
        summary: 'One disk: `path[,interface][,cache]`',
        doc: 'Examples: `base.qcow2`, `base.qcow2,virtio`, `data.qcow2,ide,writeback`.',
        domain: 'diskspec',
      },
    },
    since23: {
      kind: 'changed',
      from: 'vm config disk',
      note: 'Renamed from `vm config disk` (which still works as an abbreviation); each disk may name an interface and a cache mode.',
    },
  },
  {
    id: 'vm config networks',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config networks [netspec]...'],
    summary: 'Show or set the network interfaces of new VMs',
    doc: paras(
      showOrSet(configParam('networks'), 'the interfaces as typed, e.g. `[100 br1,200,qinq web]`') + ' Each call replaces the whole list.',
      "A spec has one to five comma-separated fields, `[bridge,]vlan[,mac][,driver][,qinq]`: a MAC address, a known NIC driver and the word `qinq` are recognised where they stand, and a two-field spec that is none of these is `bridge,vlan`. The VLAN is a number (0 to 4095) or an alias such as `web`, which gets a number on first use (see `vlans`); `other//web` uses namespace `other`'s alias. The bridge defaults to `mega_bridge`, the driver to `e1000`; MAC addresses are lower-cased and generated at launch when missing.",
      'The listing leaves out `mega_bridge` and `e1000`, so `vm config networks 100,e1000` shows `[100]`.',
      nsConfig + ' New aliases are created in that namespace and announced to every mesh peer.',
      'Examples:',
      example('vm config networks 100', 'vm config networks web db,virtio-net-pci', 'vm config networks mybr,100,00:11:22:33:44:55,qinq'),
      'Errors: `malformed netspec`, `invalid VLAN (0 <= vlan < 4096)`, `VLAN must be non-empty string`; after an error the list is empty. `vm config net`, the 2.3 name, still works as an abbreviation.',
    ),
    args: {
      netspec: {
        summary: 'One interface: `[bridge,]vlan[,mac][,driver][,qinq]`',
        doc: 'Examples: `100`, `web`, `100,virtio-net-pci`, `mybr,100`, `mybr,100,00:11:22:33:44:55,e1000,qinq`.',
        domain: 'netspec',
      },
    },
    since23: {
      kind: 'changed',
      from: 'vm config net',
      note: 'Renamed from `vm config net` (which still works as an abbreviation); specs may end in `qinq`, a bad spec empties the list, and the listing shows the VLANs as typed.',
    },
  },
  {
    id: 'vm config bonds',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config bonds [bondspec]...'],
    summary: 'Show or set the interface bonds of new VMs',
    doc: paras(
      showOrSet(configParam('bonds'), 'the bonds') + ' Each call replaces the whole list.',
      'A spec lists at least two interface indexes (of `vm config networks`), then the mode `active-backup`, `balance-slb` or `balance-tcp`, then optionally the LACP mode `active` (the default), `passive` or `off`, `no-lacp-fallback`, `qinq` and a bond name, all separated by commas.',
      nsConfig,
      'Example:',
      example('vm config networks 100 100', 'vm config bonds 0,1,balance-tcp,active,bond0'),
      'Errors: `malformed bondspec`, `invalid interface index <i> provided in bondspec`.',
    ),
    args: {
      bondspec: {
        summary: 'One bond: `index,index,...,mode[,lacp][,no-lacp-fallback][,qinq][,name]`',
        doc: 'Example: `0,1,active-backup` or `0,1,balance-tcp,passive,bond0`.',
        domain: 'bondspec',
      },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'vm config qemu-override',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config qemu-override', 'vm config qemu-override <match> <replacement>'],
    summary: 'List or add text replacements applied to the QEMU command line of new KVM VMs',
    doc: paras(
      'An override replaces a piece of text in the QEMU command line that minimega builds, for options `vm config` does not cover.',
      '`vm config qemu-override` lists the overrides (`id`, `match`, `replacement`) and shows an example command line before and after them; `vm config qemu-override <match> <replacement>` adds one. Remove them with `clear vm config qemu-override`.',
      nsConfig + ' Overrides are part of the configuration: saved with it and copied into each VM.',
      'Example:',
      example('vm config qemu-override "-vga std" "-vga cirrus"'),
    ),
    args: {
      match: { summary: 'Text to look for in the QEMU command line', doc: 'Quote it when it contains spaces, e.g. `"-vga std"`.' },
      replacement: { summary: 'Text to put in its place', doc: 'Quote it when it contains spaces, e.g. `"-vga cirrus"`.' },
    },
    since23: {
      kind: 'changed',
      from: 'vm config qemu-override',
      note: '`add` and `delete` are gone: `vm config qemu-override <match> <replacement>` adds, and only `clear vm config qemu-override` removes.',
    },
  },
  {
    id: 'clear vm config tag',
    group: 'vmconfig',
    category: 'local',
    patterns: ['clear vm config tag <key>'],
    summary: 'Remove one tag, or all tags, from the VM configuration',
    doc: paras(
      '`clear vm config tag <key>` removes one tag of `vm config tags`; `clear vm config tag all` removes every tag. VMs already launched keep their tags.',
      nsConfig,
      'Example:',
      example('clear vm config tag role'),
      'Note: `clear vm config tag` without a key is `clear vm config tags`, which also removes every tag.',
    ),
    args: {
      key: { summary: 'Tag to remove, or `all`', doc: 'Example: `role`.', domain: 'text' },
    },
    since23: { kind: 'changed', from: 'clear vm config tag', note: 'The key is required; `all` removes every tag.' },
  },
];
