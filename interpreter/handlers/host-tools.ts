/**
 * Commands that act on the host as a whole: `check`, `deploy`, `web`,
 * `debug` and `nuke`. The simulated host is fully provisioned, starts no
 * program, opens no port and writes no profile; what each records and
 * prints is in docs/simulator.md.
 */
import { splitList, atoiError, goAtoi } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { HardwareState } from '../state/hardware.js';
import { CommandError, bool, list, reply, str, type Handler } from './types.js';

/** `check`: a fully provisioned host has every program and version, so nothing is printed. */
const check: Handler = (ctx) => reply(ctx);

const deploy: Handler = (ctx) => {
  const hw = ctx.node.hardware;
  if (bool(ctx, 'flags')) {
    const flags = list(ctx, 'minimega');
    if (flags.length === 0) return reply(ctx, hw.deployFlags.join(' '));
    hw.deployFlags = [...flags];
    return reply(ctx);
  }
  // Nothing is copied or started: the host list is only checked.
  const hosts = splitList(str(ctx, 'hosts'));
  if (!hosts.ok) throw new CommandError(`invalid hosts -- ${hosts.error}`);
  return reply(ctx);
};

const clearDeployFlags: Handler = (ctx) => {
  ctx.node.hardware.deployFlags = [];
  return reply(ctx);
};

const DEFAULT_WEB_PORT = 9001;

const web: Handler = (ctx) => {
  const w = ctx.node.hardware.web;
  const portText = ctx.command.args.string.port;
  let port = DEFAULT_WEB_PORT;
  if (portText !== undefined) {
    const n = goAtoi(portText);
    if (n === undefined) throw new CommandError(atoiError(portText));
    port = Number(n);
  }
  if (ctx.command.args.string.path !== undefined) w.root = str(ctx, 'path');
  // Once started, the port cannot change.
  if (w.port !== undefined && w.port !== port) throw new CommandError(`web interface already running on port ${w.port}`);
  w.port = port;
  return reply(ctx);
};

const debug: Handler = (ctx) => {
  const hw = ctx.node.hardware;
  if (bool(ctx, 'cpu')) {
    if (bool(ctx, 'start')) {
      if (hw.cpuProfile !== '') throw new CommandError('CPU profile still running');
      hw.cpuProfile = str(ctx, 'file');
    } else {
      if (hw.cpuProfile === '') throw new CommandError('CPU profile not running');
      hw.cpuProfile = '';
    }
    return reply(ctx);
  }
  // A memory profile of the simulator would describe nothing of minimega: none is written.
  if (bool(ctx, 'memory')) return reply(ctx);
  return [[createTable(ctx.node.name, ['Go version', 'Goroutines', 'CGO calls'], [['simulated', '0', '0']])]];
};

/**
 * `nuke`: 2.3 kills what a crashed minimega left behind and exits. The
 * simulated node forgets its VMs, host taps, bridges and everything the
 * hardware-facing commands recorded, then stops like `quit`.
 */
const nuke: Handler = (ctx) => {
  const { node } = ctx;
  node.vms.clear();
  node.taps.clear();
  node.bridges.clear();
  for (const r of node.namespaces.values()) r.taps.clear();
  node.hardware = new HardwareState();
  node.quitRequested = true;
  return [];
};

export const hostToolHandlers: Record<string, Handler> = {
  check,
  deploy,
  'clear deploy flags': clearDeployFlags,
  web,
  debug,
  nuke,
};
