/** Every `mm` subcommand, in the order `mm help` lists them. */
import type { CommandSpec } from './command-spec.js';
import { checkCommand } from './check-command.js';
import { fmtCommand } from './fmt-command.js';
import { parseCommand } from './parse-command.js';
import { runCommand } from './run-command.js';
import { minitestCommand } from './minitest-command.js';
import { replCommand } from './repl-command.js';
import { lspCommand } from './lsp-command.js';
import { nodeCommand } from './node-command.js';
import { keysCommand } from './keys-command.js';
import { catalogCommand } from './catalog-command.js';

export const commands: readonly CommandSpec[] = [
  checkCommand,
  fmtCommand,
  parseCommand,
  runCommand,
  minitestCommand,
  replCommand,
  lspCommand,
  nodeCommand,
  keysCommand,
  catalogCommand,
];
