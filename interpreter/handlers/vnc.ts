/**
 * `vnc` and `clear vnc`: keyboard and framebuffer
 * recordings of KVM VMs, keyboard playbacks, and their listing. Recording
 * files are only recorded, never written; a playback reads its file (the
 * one place `vnc` opens a file) and plays it in the simulator's time.
 */
import { formatGoDuration } from '../go-duration.js';
import { createTable } from '../contracts/responses.js';
import { parsePlayback, playbackKey, recordingKey, VncPlayback, type VncKind } from '../state/vnc.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from './types.js';
import { kvmVm } from './vm-lookup.js';
import { readHostFile } from './host-files.js';

const KEY_EVENT = /^KeyEvent,(?:true|false|t|f|TRUE|FALSE|True|False|T|F|1|0),[A-Za-z0-9_]+$/;
const POINTER_EVENT = /^PointerEvent,[0-9]{1,3},[0-9]{1,5},[0-9]{1,5}$/;

/** Whether 2.3 would parse a `vnc inject` event (key names are checked for shape only). */
function isEvent(s: string): boolean {
  if (KEY_EVENT.test(s)) return true;
  const m = POINTER_EVENT.exec(s);
  return m !== null && s.split(',').every((n, i) => i === 0 || Number(n) < (i === 1 ? 256 : 65536));
}

const kind = (ctx: HandlerContext): VncKind => (bool(ctx, 'kb') ? 'kb' : 'fb');

/** `vnc record kb|fb V F`, `vnc stop kb|fb V` (local). */
const recording: Handler = (ctx) => {
  const { node } = ctx;
  const vm = kvmVm(ctx);
  const k = kind(ctx);
  const key = recordingKey(k, vm.namespace, vm.name);
  const recordings = node.hardware.vnc.recordings;
  if (bool(ctx, 'stop')) {
    if (!recordings.delete(key)) throw new CommandError(`${k} recording ${vm.name} not found`);
    return reply(ctx);
  }
  if (recordings.has(key)) throw new CommandError(`${k} recording for ${vm.name} already running`);
  recordings.set(key, { kind: k, vm: vm.name, namespace: vm.namespace, file: str(ctx, 'filename'), start: node.now() });
  return reply(ctx);
};

/** The playback forms (broadcast). */
const playback: Handler = (ctx) => {
  const { node } = ctx;
  const vm = kvmVm(ctx);
  const table = node.hardware.vnc;
  const now = node.now();
  table.prune(now);
  const key = playbackKey(vm.namespace, vm.name);
  const p = table.playbacks.get(key);
  if (bool(ctx, 'play')) {
    if (p) throw new CommandError(`kb playback ${vm.name} already playing`);
    const file = str(ctx, 'filename');
    const text = readHostFile(ctx, file);
    table.playbacks.set(key, new VncPlayback(vm.name, vm.namespace, file, parsePlayback(text), now));
    return reply(ctx);
  }
  if (bool(ctx, 'inject')) {
    if (!isEvent(str(ctx, 'cmd'))) throw new CommandError('invalid event specified');
    // 2.3 discards the error of an injection without a playback.
    return reply(ctx);
  }
  if (!p) throw new CommandError(`kb playback ${vm.name} not found`);
  if (bool(ctx, 'stop')) {
    table.playbacks.delete(key);
  } else if (bool(ctx, 'pause')) {
    if (p.paused) throw new CommandError('kbplayback already paused');
    p.pause(now);
  } else if (bool(ctx, 'continue')) {
    if (!p.paused) throw new CommandError('kbplayback already running');
    p.resume(now);
  } else if (bool(ctx, 'step')) {
    if (p.paused) throw new CommandError('kbplayback currently paused, use continue to resume');
    p.step(now);
  } else {
    return reply(ctx, p.next(now)?.text ?? '');
  }
  return reply(ctx);
};

/** `vnc`: the recordings and playbacks of the active namespace's VMs. */
const list: Handler = (ctx) => {
  const { node } = ctx;
  const ns = ctx.ns;
  const now = node.now();
  const table = node.hardware.vnc;
  table.prune(now);
  const rows: string[][] = [];
  for (const r of table.recordings.values()) {
    if (ns !== '' && r.namespace !== ns) continue;
    rows.push([r.vm, `record ${r.kind}`, formatGoDuration(BigInt(Math.max(0, now - r.start)) * 1_000_000n), r.file]);
  }
  for (const p of table.playbacks.values()) {
    if (ns !== '' && p.namespace !== ns) continue;
    const time = p.paused ? 'PAUSED' : `${formatGoDuration(p.length - p.elapsed(now))} remaining`;
    rows.push([p.vm, 'playback kb', time, p.file]);
  }
  return [[createTable(node.name, ['name', 'type', 'time', 'filename'], rows)]];
};

const clear: Handler = (ctx) => {
  const ns = ctx.ns;
  const { recordings, playbacks } = ctx.node.hardware.vnc;
  for (const [k, r] of recordings) if (ns === '' || r.namespace === ns) recordings.delete(k);
  for (const [k, p] of playbacks) if (ns === '' || p.namespace === ns) playbacks.delete(k);
  return reply(ctx);
};

export const vncHandlers: Record<string, Handler> = {
  vnc: recording,
  'vnc#2': playback,
  'clear vnc': clear,
  'vnc#3': list,
};
