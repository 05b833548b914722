import type { HandlerSpec } from '../types.js';
import { filesPath, unsignedField } from './doc-text.js';
import { configField, newIn31, sameAs23 } from './vmconfig-field.js';

const onlyKvm = 'Only KVM VMs use it.';

/** The KVM `vm config` fields from `serial-ports` to `qemu-append`, in minimega 3.1 registration order. */
export const vmconfigKvmDeviceHandlers: readonly HandlerSpec[] = [
  configField('serial-ports', ['vm config serial-ports [value]'], {
    summary: 'Show or set how many serial ports new KVM VMs get',
    shows: 'the number of serial ports',
    about: [onlyKvm + ' Each port is made available on the host as a unix socket.', unsignedField('serial-ports')],
    examples: ['vm config serial-ports 1'],
    arg: { summary: 'Number of serial ports; default 0', doc: 'An unsigned integer, e.g. `1`.', domain: 'uint' },
    since23: {
      kind: 'changed',
      from: 'vm config serial',
      note: 'Renamed from `vm config serial` (which still works as an abbreviation); negative numbers are refused now.',
    },
  }),
  configField('virtio-ports', ['vm config virtio-ports [value]'], {
    summary: 'Show or set the virtio-serial ports of new KVM VMs, by count or by name',
    shows: 'the setting',
    about: [
      onlyKvm +
        ' A number creates that many ports; comma-separated names create one port per name. Each port is made available on the host as a unix socket. The value is not checked.',
    ],
    examples: ['vm config virtio-ports 2', 'vm config virtio-ports agent,log'],
    arg: { summary: 'A count, or comma-separated port names', doc: 'Example: `2` or `agent,log`.', domain: 'text' },
    since23: {
      kind: 'changed',
      from: 'vm config virtio-serial',
      note: 'Renamed from `vm config virtio-serial`, which 3.1 rejects; the value may also be a list of port names.',
    },
  }),
  configField('vga', ['vm config vga [value]'], {
    summary: 'Show or set the graphics card QEMU emulates for new KVM VMs',
    shows: 'the graphics card',
    about: [onlyKvm + ' The value is passed to QEMU as it is.'],
    examples: ['vm config vga cirrus'],
    arg: { summary: 'QEMU graphics card; default `std`', doc: 'Example: `std`, `cirrus`, `virtio` or `none`.' },
    since23: newIn31,
  }),
  configField('append', ['vm config append [value]...'], {
    summary: 'Show or set the kernel command line of KVM VMs that boot a kernel directly',
    shows: 'the words, e.g. `[console=ttyS0 root=/dev/sda1]`',
    about: [onlyKvm + ' It only matters together with `vm config kernel`.'],
    examples: ['vm config append console=ttyS0 root=/dev/sda1'],
    arg: { summary: 'Kernel command-line words', doc: 'Example: `console=ttyS0 root=/dev/sda1`.', domain: 'text' },
    since23: { kind: 'changed', from: 'vm config append', note: 'The argument is now called `value`, and the words print in brackets (`[a b]`).' },
  }),
  configField('usb-use-xhci', ['vm config usb-use-xhci [true,false]'], {
    summary: 'Show or set whether new KVM VMs get a USB 3 (xHCI) controller',
    shows: '`true` or `false`',
    about: [onlyKvm + ' With `false` they get a USB 2 (EHCI) controller.'],
    examples: ['vm config usb-use-xhci false'],
    arg: { on: 'Use a USB 3 (xHCI) controller (the default)', off: 'Use a USB 2 (EHCI) controller' },
    since23: newIn31,
  }),
  configField('tpm-socket', ['vm config tpm-socket [value]'], {
    summary: 'Show or set the socket of a TPM emulator that new KVM VMs use',
    shows: 'the socket path',
    about: [onlyKvm + ' The socket belongs to a software TPM running on the host. ' + filesPath],
    examples: ['vm config tpm-socket /run/swtpm/web1.sock'],
    arg: { summary: 'Unix socket of the TPM emulator', doc: 'Example: `/run/swtpm/web1.sock`.', domain: 'path' },
    since23: newIn31,
  }),
  configField('bidirectional-copy-paste', ['vm config bidirectional-copy-paste [true,false]'], {
    summary: 'Show or set whether new KVM VMs share the clipboard both ways',
    shows: '`true` or `false`',
    about: [onlyKvm + ' It needs QEMU 6.1 or later and `spice-vdagent` in the guest.'],
    examples: ['vm config bidirectional-copy-paste true'],
    arg: { on: 'Share the clipboard in both directions', off: 'Do not (the default)' },
    since23: newIn31,
  }),
  configField('qemu-append', ['vm config qemu-append [value]...'], {
    summary: 'Show or set extra arguments added to the end of the QEMU command line',
    shows: 'the extra arguments, e.g. `[-usb -device usb-tablet]`',
    about: [onlyKvm + ' They are added to the command line as they are.'],
    examples: ['vm config qemu-append -usb -device usb-tablet'],
    arg: { summary: 'QEMU command-line arguments', doc: 'Example: `-usb -device usb-tablet`.', domain: 'text' },
    since23: sameAs23('vm config qemu-append'),
  }),
];
