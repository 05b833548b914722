/** Options shared by the commands that create a simulated node. */
import os from 'node:os';
import type { OptionSpec } from './command-spec.js';

export const nodeOptions: Record<string, OptionSpec> = {
  name: { type: 'string', value: 'NAME', description: 'node name shown in output (default: this machine\'s host name)' },
  'allow-shell': { type: 'boolean', description: 'let `shell` and `background` run host programs' },
};

/** The node name: --name, else the OS host name (decision 10). */
export function nodeName(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : os.hostname();
}
