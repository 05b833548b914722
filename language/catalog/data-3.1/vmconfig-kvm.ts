import type { ArgSpec, HandlerSpec } from '../types.js';
import { filesPath, unsignedField } from './doc-text.js';
import { configField, newIn31 } from './vmconfig-field.js';

const onlyKvm = 'Only KVM VMs use it.';

const pathArg = (what: string, ex: string): ArgSpec => ({
  summary: what,
  doc: `Example: \`${ex}\`. Omit it to print the current value.`,
  domain: 'path',
});

const joined = (id: string): { kind: 'changed'; from: string; note: string } => ({
  kind: 'changed',
  from: id,
  note: 'The argument is now called `value`, and a relative path is joined to the files directory.',
});

const topology = (what: string, name: string): string =>
  `${onlyKvm} \`vm config sockets\`, \`cores\` and \`threads\` describe the CPU topology behind \`vm config vcpus\`; \`0\` lets QEMU work out ${what}. ${unsignedField(name)}`;

/** The KVM `vm config` fields from `qemu` to `machine`, in minimega 3.1 registration order. */
export const vmconfigKvmHandlers: readonly HandlerSpec[] = [
  configField('qemu', ['vm config qemu [value]'], {
    summary: 'Show or set the QEMU program that runs KVM VMs',
    shows: 'the QEMU program',
    about: [
      onlyKvm + ' ' + filesPath,
      'The CPU models, machine types and NIC drivers that `vm config cpu`, `vm config machine` and `vm config networks` accept are asked from this program.',
    ],
    examples: ['vm config qemu /usr/bin/qemu-system-x86_64'],
    after: ['Quirk: a bare program name is treated as a relative path too, so `vm config qemu kvm` stores `/tmp/minimega/files/kvm`; give an absolute path.'],
    arg: pathArg('Path of the QEMU program; relative paths go to the files directory', '/usr/bin/qemu-system-x86_64'),
    quirks: ['`vm config qemu kvm` stores a path in the files directory, not the `kvm` on the `PATH`'],
    since23: {
      kind: 'changed',
      from: 'vm config qemu',
      note: 'The argument is now called `value`; the default is `kvm`, and a relative path (even `kvm`) is joined to the files directory.',
    },
  }),
  configField('kernel', ['vm config kernel [value]'], {
    summary: 'Show or set a kernel that new KVM VMs boot directly',
    shows: 'the kernel image',
    about: [onlyKvm + ' QEMU boots this kernel instead of a disk; combine it with `vm config initrd` and `vm config append`. ' + filesPath],
    examples: ['vm config kernel vmlinuz', 'vm config initrd initrd.img'],
    arg: pathArg('Kernel image file', 'vmlinuz'),
    since23: joined('vm config kernel'),
  }),
  configField('initrd', ['vm config initrd [value]'], {
    summary: 'Show or set the initial ramdisk of a directly booted kernel',
    shows: 'the initial ramdisk',
    about: [onlyKvm + ' It goes with `vm config kernel`. ' + filesPath],
    examples: ['vm config initrd initrd.img'],
    arg: pathArg('Initial ramdisk file', 'initrd.img'),
    since23: joined('vm config initrd'),
  }),
  configField('cdrom', ['vm config cdrom [value]'], {
    summary: 'Show or set an ISO image for the CD-ROM of new KVM VMs',
    shows: 'the ISO image',
    about: [onlyKvm + ' With a CD-ROM set, the VM boots from it; `vm cdrom` changes it on a running VM. ' + filesPath],
    examples: ['vm config cdrom ubuntu.iso'],
    arg: pathArg('ISO image file', 'ubuntu.iso'),
    since23: joined('vm config cdrom'),
  }),
  configField('state', ['vm config state [value]', 'vm config migrate [value]'], {
    summary: 'Show or set a saved memory state that new KVM VMs resume from',
    shows: 'the state file',
    about: [
      onlyKvm + ' The file is one written by `vm save` (`<name>.state`). ' + filesPath,
      '`vm config migrate` is the old name of the same field; `clear vm config state` and `clear vm config migrate` both reset it.',
    ],
    examples: ['vm config state web1-before.state'],
    arg: pathArg('State file written by `vm save`', 'web1-before.state'),
    deprecated: { patterns: ['vm config migrate [value]'], use: 'vm config state' },
    since23: { kind: 'changed', from: 'vm config migrate', note: 'Renamed from `vm config migrate`, which still works; the argument is now called `value`.' },
  }),
  configField('cpu', ['vm config cpu [value]'], {
    summary: 'Show or set the CPU model QEMU emulates for new KVM VMs',
    shows: 'the CPU model',
    about: [onlyKvm + ' The model must be one that the configured QEMU (and machine type) supports.'],
    examples: ['vm config cpu host'],
    after: [
      'Errors: ``invalid QEMU CPU: `<cpu>`, see help``; when QEMU cannot be asked, `unable to determine valid QEMU CPUs, try configuring machine first` or `unable to determine valid QEMU CPUs -- <reason>`.',
    ],
    arg: { summary: 'QEMU CPU model; default `host`', doc: 'Example: `host` or `qemu64`.' },
    since23: { kind: 'changed', from: 'vm config cpu', note: 'The argument is now called `value`, and the model is checked against what QEMU supports.' },
  }),
  configField('sockets', ['vm config sockets [value]'], {
    summary: 'Show or set the number of CPU sockets of new KVM VMs',
    shows: 'the number of sockets',
    about: [topology('the number of sockets', 'sockets')],
    examples: ['vm config vcpus 4', 'vm config sockets 2'],
    arg: { summary: 'Number of sockets; 0 lets QEMU decide', doc: 'An unsigned integer, e.g. `2`.', domain: 'uint' },
    since23: newIn31,
  }),
  configField('cores', ['vm config cores [value]'], {
    summary: 'Show or set the number of cores per CPU socket of new KVM VMs',
    shows: 'the number of cores per socket',
    about: [topology('the number of cores', 'cores')],
    examples: ['vm config vcpus 4', 'vm config cores 2'],
    arg: { summary: 'Cores per socket; 0 lets QEMU decide', doc: 'An unsigned integer, e.g. `2`.', domain: 'uint' },
    since23: newIn31,
  }),
  configField('threads', ['vm config threads [value]'], {
    summary: 'Show or set the number of threads per CPU core of new KVM VMs',
    shows: 'the number of threads per core',
    about: [topology('the number of threads', 'threads')],
    examples: ['vm config vcpus 4', 'vm config threads 2'],
    arg: { summary: 'Threads per core; 0 lets QEMU decide', doc: 'An unsigned integer, e.g. `2`.', domain: 'uint' },
    since23: newIn31,
  }),
  configField('machine', ['vm config machine [value]'], {
    summary: 'Show or set the QEMU machine type of new KVM VMs',
    shows: 'the machine type',
    about: [onlyKvm + " The type must be one that the configured QEMU supports; empty means QEMU's default."],
    examples: ['vm config machine q35'],
    after: ['Errors: ``invalid QEMU machine: `<machine>`, see help``, or `unable to determine valid QEMU machines -- <reason>` when QEMU cannot be asked.'],
    arg: { summary: 'QEMU machine type', doc: 'Example: `pc` or `q35`.' },
    since23: newIn31,
  }),
];
