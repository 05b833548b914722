/**
 * `qos add` and `clear qos`: loss, delay and rate limits on
 * a VM's NIC, checked in 2.3's order and kept as typed on the NIC (they
 * show in `vm info`'s `qos` column). 2.3 runs `tc`; the simulator takes
 * that step as done.
 */
import { parseGoDuration } from '../go-duration.js';
import { parseTarget, vmMatches } from '../targets.js';
import { NO_QOS, type QosValues, type Vm } from '../vm-model.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from './types.js';

/** Go's strconv.ParseFloat syntax (decimal, hexadecimal, infinities, NaN). */
const GO_FLOAT =
  /^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|0[xX](?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+|inf|infinity|nan)$/i;

function goFloat(s: string): number | undefined {
  if (!GO_FLOAT.test(s)) return undefined;
  const t = s.toLowerCase().replace(/^([+-]?)inf(inity)?$/, '$1Infinity');
  if (/nan/.test(t)) return NaN;
  if (/0x/.test(t)) {
    const m = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?[0-9]+)$/.exec(t)!;
    const mant = parseInt((m[2] || '0') + (m[3] ?? ''), 16) / 16 ** (m[3]?.length ?? 0);
    return (m[1] === '-' ? -1 : 1) * mant * 2 ** Number(m[4]);
  }
  return Number(t);
}

/** The tap index: `all` and anything that is not an unsigned integer fail, in 2.3's order and words. */
function tapIndex(ctx: HandlerContext, wildcardError: string): number {
  const text = ctx.command.args.string.interface ?? '';
  if (text === 'all') throw new CommandError(wildcardError);
  if (!/^[0-9]+$/.test(text) || BigInt(text) >= 1n << 32n) throw new CommandError(`invalid tap index ${text}`);
  return Number(text);
}

/** The value `qos add` stores, checked. */
function qosValue(ctx: HandlerContext): QosValues {
  if (bool(ctx, 'loss')) {
    const p = str(ctx, 'percent');
    const v = goFloat(p);
    // NaN passes both comparisons, as in 2.3.
    if (v === undefined || v < 0 || v >= 100) throw new CommandError(`\`${p}\` is not a valid loss percentage`);
    return { loss: p };
  }
  if (bool(ctx, 'delay')) {
    const d = str(ctx, 'duration');
    // A bare number is taken as milliseconds.
    const t = goFloat(d) !== undefined ? `${d}ms` : d;
    if (parseGoDuration(t) === undefined) throw new CommandError(`\`${d}\` is not a valid delay parameter`);
    return { delay: t };
  }
  const bw = str(ctx, 'bw');
  if (!/^[0-9]+$/.test(bw) || BigInt(bw) >= 1n << 64n) throw new CommandError(`\`${bw}\` is not a valid rate parameter`);
  const unit = bool(ctx, 'kbit') ? 'kbit' : bool(ctx, 'gbit') ? 'gbit' : 'mbit';
  return { rate: `${bw}${unit}` };
}

/** Applies `op` to the target's VMs: one missing VM is `vm not found`, missing list items are skipped. */
function eachTarget(ctx: HandlerContext, op: (vm: Vm) => void): void {
  const t = parseTarget(str(ctx, 'target'));
  const vms = ctx.node.vmsIn(ctx.ns);
  let picked: Vm[];
  if (t.wild) picked = vms;
  else {
    picked = vms.filter((vm) => t.items.some((i) => vmMatches(vm, i)));
    if (picked.length === 0 && t.items.length === 1) throw new CommandError(`vm not found: ${t.items[0]}`);
  }
  const errors: string[] = [];
  for (const vm of picked) {
    try {
      op(vm);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) throw new CommandError(errors.join('\n'));
}

/** The NIC a qos change applies to: it must exist and be on a bridge. */
function nicOf(vm: Vm, index: number): Vm['nets'][number] {
  const nic = vm.nets[index];
  if (!nic) throw new CommandError(`invalid tap index specified: ${index}`);
  if (!nic.connected) throw new CommandError(`tap ${nic.tap} not found`);
  return nic;
}

const add: Handler = (ctx) => {
  const index = tapIndex(ctx, 'wildcard qos not implemented');
  const value = qosValue(ctx);
  eachTarget(ctx, (vm) => {
    const nic = nicOf(vm, index);
    nic.qos = { ...nic.qos, ...value };
  });
  return reply(ctx);
};

const clear: Handler = (ctx) => {
  const index = tapIndex(ctx, 'qos for wildcard taps not supported');
  eachTarget(ctx, (vm) => {
    nicOf(vm, index).qos = NO_QOS;
  });
  return reply(ctx);
};

export const qosHandlers: Record<string, Handler> = {
  'qos add': add,
  'clear qos': clear,
};
