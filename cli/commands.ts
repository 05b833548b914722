/**
 * Every `mm` subcommand, in the order `mm help` lists them. Each is loaded
 * when it is used: `mm check` and `mm parse` load the language alone, not
 * the simulator, the mesh, WebSocket or the language server, whose code
 * would cost every short command its start-up time.
 */
import type { CommandSpec } from './command-spec.js';

const loaders: Readonly<Record<string, () => Promise<CommandSpec>>> = {
  check: async () => (await import('./check-command.js')).checkCommand,
  fmt: async () => (await import('./fmt-command.js')).fmtCommand,
  parse: async () => (await import('./parse-command.js')).parseCommand,
  run: async () => (await import('./run-command.js')).runCommand,
  minitest: async () => (await import('./minitest-command.js')).minitestCommand,
  repl: async () => (await import('./repl-command.js')).replCommand,
  lsp: async () => (await import('./lsp-command.js')).lspCommand,
  node: async () => (await import('./node-command.js')).nodeCommand,
  keys: async () => (await import('./keys-command.js')).keysCommand,
  catalog: async () => (await import('./catalog-command.js')).catalogCommand,
};

/** The command called `name`, loaded; undefined when there is none. */
export function loadCommand(name: string): Promise<CommandSpec | undefined> {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : Promise.resolve(undefined);
}

/** Every command, loaded (for `mm help`). */
export function loadCommands(): Promise<CommandSpec[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}
