/**
 * Every `mm` subcommand, in the order `mm help` lists them. Each is loaded
 * when it is used: `mm check` and `mm parse` load the language alone, not
 * the simulator, the mesh, WebSocket or the language server, whose code
 * would cost every short command its start-up time.
 */
import type { CommandSpec } from './command-spec.js';
import { CommandTable } from './command-table.js';
import { languageCommands } from './language-commands.js';

/** Every command. */
export const allCommands = new CommandTable({
  ...languageCommands.loaders,
  run: async () => (await import('./run-command.js')).runCommand,
  minitest: async () => (await import('./minitest-command.js')).minitestCommand,
  repl: async () => (await import('./repl-command.js')).replCommand,
  lsp: async () => (await import('./lsp-command.js')).lspCommand,
  node: async () => (await import('./node-command.js')).nodeCommand,
  keys: async () => (await import('./keys-command.js')).keysCommand,
  catalog: async () => (await import('./catalog-command.js')).catalogCommand,
} satisfies Record<string, () => Promise<CommandSpec>>);
