/** What the `mm` binaries share: run the CLI on the process's streams and set the exit status. */
import { runCli } from './run-cli.js';
import { createProcessIO } from './cli-io.js';
import type { CommandTable } from './command-table.js';

/** Runs `mm` with the process's arguments over `commands`. */
export function runProcess(commands: CommandTable): void {
  runCli(process.argv.slice(2), createProcessIO(), commands).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`mm: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
