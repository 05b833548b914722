/** `mm lsp --stdio`: the language server for `.mm` scripts. */
import { startLanguageServer } from '../server/main.js';
import type { CommandSpec } from './command-spec.js';
import { CliError } from './cli-io.js';

/** The `lsp` subcommand: serves LSP until the client says `exit` or closes the pipe. */
export const lspCommand: CommandSpec = {
  name: 'lsp',
  usage: '--stdio',
  summary: 'run the language server (LSP over standard input and output) for editors',
  options: {
    stdio: { type: 'boolean', description: 'talk LSP over stdin/stdout (the default)' },
    'node-ipc': { type: 'boolean', description: 'talk LSP over Node IPC (when a Node client forks the server)' },
    clientProcessId: { type: 'string', value: 'PID', description: 'exit when this process ends (set by VS Code clients)' },
  },
  examples: ['mm lsp --stdio'],
  run(args) {
    const pid = args.values.clientProcessId;
    if (pid !== undefined && !/^[1-9]\d{0,9}$/.test(String(pid))) throw new CliError(`--clientProcessId must be a process id, not ${JSON.stringify(pid)}`);
    startLanguageServer();
    // The connection owns the process from here: it exits on `exit` or when stdin closes.
    return new Promise<number>(() => {});
  },
};
