/**
 * The commands that read scripts with the language alone (no simulator,
 * mesh or language server): `bin/mm.cjs` runs them from their own, smaller
 * bundle (dist/mm-language.cjs, whose entry is `main-language.ts`), so that
 * a short `mm check` loads a third of the code.
 */
import { CommandTable } from './command-table.js';

/** `mm check`, `mm fmt` and `mm parse`. */
export const languageCommands = new CommandTable({
  check: async () => (await import('./check-command.js')).checkCommand,
  fmt: async () => (await import('./fmt-command.js')).fmtCommand,
  parse: async () => (await import('./parse-command.js')).parseCommand,
});
