import type { HandlerSpec } from '../types.js';
import { vmTargetArg } from './args.js';
import { example, nsVmTarget, paras } from './doc-text.js';

/** Handlers of the `qos` family, in minimega 3.1 registration order. */
export const qosHandlers: readonly HandlerSpec[] = [
  {
    id: 'qos add',
    group: 'qos',
    category: 'vmtarget',
    patterns: [
      'qos <add,> <vm target> <interface> <loss,> <percent>',
      'qos <add,> <vm target> <interface> <delay,> <duration>',
      'qos <add,> <vm target> <interface> <rate,> <bw> <kbit,mbit,gbit>',
    ],
    summary: "Degrade a VM interface's outgoing traffic: packet loss, extra delay or a rate limit",
    doc: paras(
      'Adds a traffic-shaping rule to one interface (counted from 0) of each targeted VM, for the traffic it sends.',
      '- `qos add <vms> <index> loss <percent>` drops that share of packets at random.\n- `qos add <vms> <index> delay <duration>` delays every packet.\n- `qos add <vms> <index> rate <bw> kbit|mbit|gbit` caps the bandwidth.',
      'The rules show in the `qos` column of `vm info`, e.g. `[0: delay 100ms loss 0.25]`; `clear qos` removes them.',
      nsVmTarget,
      'Examples:',
      example('qos add web1 0 loss 0.25', 'qos add web[1-4] 0 delay 100ms', 'qos add all 0 rate 10 mbit'),
    ),
    args: {
      vm: vmTargetArg,
      interface: { summary: 'Interface index of the VMs, counted from 0', doc: 'An unsigned integer; `0` is the first interface.', domain: 'uint' },
      percent: { summary: 'Share of packets to drop, from 0 up to (not including) 100', doc: 'A decimal number, e.g. `0.25`.', domain: 'float' },
      duration: { summary: 'Extra delay per packet, e.g. `100ms`', doc: 'A duration with a unit; a bare number counts as milliseconds.', domain: 'duration' },
      bw: { summary: 'Bandwidth limit in the unit that follows', doc: 'An unsigned integer, e.g. `10` in `rate 10 mbit`.', domain: 'uint' },
      kbit: { summary: 'Bandwidth in kilobits per second', doc: 'Unit of `<bw>`.' },
      mbit: { summary: 'Bandwidth in megabits per second', doc: 'Unit of `<bw>`.' },
      gbit: { summary: 'Bandwidth in gigabits per second', doc: 'Unit of `<bw>`.' },
    },
    since23: { kind: 'changed', from: 'qos add', note: 'Same forms; only the target argument is now called `vm`.' },
  },
  {
    id: 'clear qos',
    group: 'qos',
    category: 'vmtarget',
    patterns: ['clear qos <vm target> [tap index]'],
    summary: 'Remove the traffic-shaping rules from one interface, or all interfaces, of VMs',
    doc: paras(
      '`clear qos <vms> <index>` removes every `qos add` rule from that interface of the targeted VMs; `clear qos <vms> all` from all their interfaces.',
      nsVmTarget,
      'Example:',
      example('clear qos web[1-4] 0'),
      'Quirk: the interface looks optional, but `clear qos <vms>` without it fails with an `invalid tap index` error; always give it.',
    ),
    args: {
      vm: vmTargetArg,
      tap: { summary: 'Interface index, counted from 0, or `all` (required in practice)', doc: 'An unsigned integer such as `0`, or `all`.' },
    },
    quirks: ['`clear qos <vms>` without an interface fails with an `invalid tap index` error'],
    since23: { kind: 'changed', from: 'clear qos', note: 'Same form; the arguments are now called `vm` and `tap`.' },
  },
];
