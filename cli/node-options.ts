/** Options shared by the commands that create a simulated node. */
import { statSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_FILES_PATH, type FilesDirOptions } from '../interpreter/files-dir.js';
import { DEFAULT_SOCKET_DIALECT, isSocketDialect, type SocketDialect } from '../interpreter/socket/protocol.js';
import { isNodeName } from '../interpreter/script-hosts.js';
import type { OptionSpec } from './command-spec.js';
import { CliError } from './cli-io.js';

export const nodeOptions: Record<string, OptionSpec> = {
  name: { type: 'string', value: 'NAME', description: "node name shown in output (default: this machine's host name)" },
  'allow-shell': { type: 'boolean', description: 'let `shell` and `background` run host programs' },
  'files-dir': {
    type: 'string',
    value: 'HOSTDIR',
    description: `host directory holding the node's files directory: files there exist for the simulator (default: none, the files directory is empty)`,
  },
  'files-path': {
    type: 'string',
    value: 'PATH',
    description: `the files directory path the node prints, like minimega's -filepath (default: ${DEFAULT_FILES_PATH})`,
  },
};

/** The minimega version a node (or a client of a daemon) follows. */
export const dialectOption: OptionSpec = {
  type: 'string',
  value: '2.3|3.1',
  description: 'the minimega version to follow: its commands, runtime rules, command ordering and socket protocol',
  default: DEFAULT_SOCKET_DIALECT,
};

/** The node name: --name, else the OS host name (decision 10). */
export function nodeName(value: unknown): string {
  if (typeof value !== 'string') return os.hostname();
  if (!isNodeName(value)) {
    throw new CliError(`--name: ${JSON.stringify(value)} is not a node name (letters, digits, '.', '_' and '-', not starting with '-'; not all or localhost)`);
  }
  return value;
}

/** The dialect of --dialect (default 2.3). */
export function parseDialect(value: unknown): SocketDialect {
  if (value === undefined) return DEFAULT_SOCKET_DIALECT;
  if (typeof value === 'string' && isSocketDialect(value)) return value;
  throw new CliError(`--dialect must be 2.3 or 3.1, not ${JSON.stringify(value)}`);
}

/** The files directory of --files-dir (relative to `cwd`) and --files-path (decision 16). */
export function filesOptions(values: Readonly<Record<string, unknown>>, cwd: string): FilesDirOptions {
  const out: { path?: string; hostDir?: string } = {};
  const path = values['files-path'];
  if (typeof path === 'string') {
    if (!path.startsWith('/')) throw new CliError(`--files-path must be an absolute path, not ${JSON.stringify(path)}`);
    out.path = path;
  }
  const dir = values['files-dir'];
  if (typeof dir === 'string') {
    const hostDir = resolve(cwd, dir);
    let isDir = false;
    try {
      isDir = statSync(hostDir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new CliError(`--files-dir ${dir}: not a directory`);
    out.hostDir = hostDir;
  }
  return out;
}
