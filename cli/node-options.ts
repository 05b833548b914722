/** Options shared by the commands that create a simulated node. */
import os from 'node:os';
import { DEFAULT_SOCKET_DIALECT, isSocketDialect, type SocketDialect } from '../interpreter/socket/protocol.js';
import type { OptionSpec } from './command-spec.js';
import { CliError } from './cli-io.js';

export const nodeOptions: Record<string, OptionSpec> = {
  name: { type: 'string', value: 'NAME', description: 'node name shown in output (default: this machine\'s host name)' },
  'allow-shell': { type: 'boolean', description: 'let `shell` and `background` run host programs' },
};

/** The minimega version a node (or a client of a daemon) follows. */
export const dialectOption: OptionSpec = {
  type: 'string',
  value: '2.3|3.1',
  description:
    'the minimega version to follow: its socket protocol and command ordering (3.1\'s commands themselves are not simulated yet; a 3.1 node runs 2.3\'s)',
  default: DEFAULT_SOCKET_DIALECT,
};

/** The node name: --name, else the OS host name (decision 10). */
export function nodeName(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : os.hostname();
}

/** The dialect of --dialect (default 2.3). */
export function parseDialect(value: unknown): SocketDialect {
  if (value === undefined) return DEFAULT_SOCKET_DIALECT;
  if (typeof value === 'string' && isSocketDialect(value)) return value;
  throw new CliError(`--dialect must be 2.3 or 3.1, not ${JSON.stringify(value)}`);
}
