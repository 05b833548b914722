/** Options shared by the commands that create a simulated node. */
import { statSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_FILES_PATH, type FilesDirOptions } from '../interpreter/files-dir.js';
import type { OptionSpec } from './command-spec.js';
import { CliError } from './cli-io.js';

export const nodeOptions: Record<string, OptionSpec> = {
  name: { type: 'string', value: 'NAME', description: 'node name shown in output (default: this machine\'s host name)' },
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

/** The node name: --name, else the OS host name (decision 10). */
export function nodeName(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : os.hostname();
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
