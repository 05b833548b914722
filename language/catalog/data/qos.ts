import type { HandlerSpec } from '../types.js';
import { example, nsVmTarget, paras } from './doc-text.js';

const targetDoc = 'A VM name or id, a comma list, a range such as `web[1-4]`, or `all` for every VM (of the active namespace). Example: `web[1-4],db`.';

/** Handlers of the `qos` family, in minimega 2.3 registration order. */
export const qosHandlers: readonly HandlerSpec[] = [
  {
    id: 'qos add',
    group: 'qos',
    category: 'vmtarget',
    patterns: [
      'qos <add,> <target> <interface> <loss,> <percent>',
      'qos <add,> <target> <interface> <delay,> <duration>',
      'qos <add,> <target> <interface> <rate,> <bw> <kbit,mbit,gbit>',
    ],
    summary: "Degrade a VM interface's outgoing traffic: packet loss, extra delay or a rate limit",
    doc: paras(
      'Adds a traffic-shaping rule to one network interface (counted from 0) of each targeted VM. It applies to the traffic the interface sends.',
      '- `qos add <target> <interface> loss <percent>` drops that percentage of packets at random.\n- `qos add <target> <interface> delay <duration>` delays every packet, e.g. `100ms`.\n- `qos add <target> <interface> rate <bw> kbit|mbit|gbit` caps the bandwidth.',
      'The rules show in the `qos` column of `vm info`, e.g. `0: delay 100ms loss 0.25`; remove them with `clear qos`.',
      nsVmTarget,
      'Examples:',
      example('qos add web1 0 loss 0.25', 'qos add web[1-4] 0 delay 100ms', 'qos add all 0 rate 10 mbit'),
      'The interface must be a number: `all` gives `qos for wildcard taps not supported`, and a VM without that interface gives `invalid tap index specified: <n>`.',
      'In `mm`: the values are kept as typed and show in the `qos` column of `vm info`; `tc` is never run.',
    ),
    args: {
      target: {
        summary: 'The VMs: name, id, list, range like `web[1-4]`, or `all`',
        doc: targetDoc,
        domain: 'vmTarget',
      },
      interface: {
        summary: 'Interface index of the VMs, counted from 0',
        doc: 'An unsigned integer; `0` is the first interface configured with `vm config net`.',
        domain: 'uint',
      },
      percent: {
        summary: 'Share of packets to drop, from 0 up to (not including) 100',
        doc: 'A decimal number, e.g. `0.25` or `5`.',
        domain: 'float',
      },
      duration: {
        summary: 'Extra delay per packet, e.g. `100ms` or `1s`',
        doc: 'A duration with a unit (`ms`, `s`, ...); a bare number counts as milliseconds.',
        domain: 'duration',
      },
      bw: {
        summary: 'Bandwidth limit, an unsigned integer in the unit that follows',
        doc: 'Example: `10` in `rate 10 mbit`.',
        domain: 'uint',
      },
      kbit: { summary: 'Bandwidth in kilobits per second', doc: 'Unit of `<bw>`.' },
      mbit: { summary: 'Bandwidth in megabits per second', doc: 'Unit of `<bw>`.' },
      gbit: { summary: 'Bandwidth in gigabits per second', doc: 'Unit of `<bw>`.' },
    },
  },
  {
    id: 'clear qos',
    group: 'qos',
    category: 'vmtarget',
    patterns: ['clear qos <target> [interface]'],
    summary: 'Remove the traffic-shaping rules from a VM interface',
    doc: paras(
      'Removes every `qos add` rule from the given interface of each targeted VM.',
      nsVmTarget,
      'Example:',
      example('clear qos web[1-4] 0'),
      '2.3 quirk: the interface looks optional, but `clear qos <target>` without it fails with an `invalid tap index` error; always give the interface.',
    ),
    args: {
      target: {
        summary: 'The VMs: name, id, list, range like `web[1-4]`, or `all`',
        doc: targetDoc,
        domain: 'vmTarget',
      },
      interface: {
        summary: 'Interface index of the VMs, counted from 0 (required in practice)',
        doc: 'An unsigned integer, e.g. `0`.',
        domain: 'uint',
      },
    },
    quirks: ['`clear qos <target>` without an interface fails with an `invalid tap index` error'],
  },
];
