/** Every `mm` subcommand, in the order `mm help` lists them. */
import type { CommandSpec } from './command.js';
import { checkCommand } from './check.js';
import { parseCommand } from './parse.js';
import { runCommand } from './run.js';
import { minitestCommand } from './minitest.js';
import { replCommand } from './repl.js';
import { lspCommand } from './lsp.js';
import { nodeCommand } from './node.js';

export const commands: readonly CommandSpec[] = [checkCommand, parseCommand, runCommand, minitestCommand, replCommand, lspCommand, nodeCommand];
