/** What the `mm` binaries share: run the CLI on the process's streams and set the exit status. */
import { runCli } from './run-cli.js';
import { createProcessIO } from './cli-io.js';
import type { CommandTable } from './command-table.js';

/**
 * Runs `mm` with the process's arguments over `commands`. With `exitWhenDone`
 * (commands that hold nothing open once they return: `mm check`, `mm fmt`,
 * `mm parse`), the process ends as soon as the command is done and all it
 * wrote has gone out (their files are written synchronously), rather than
 * when Node's event loop empties: that waits for V8's background work
 * (optimising compiles, a collection after a long script: about 10 ms of
 * `mm check` of 100,000 lines).
 */
export function runProcess(commands: CommandTable, options: { readonly exitWhenDone?: boolean } = {}): void {
  const io = createProcessIO();
  runCli(process.argv.slice(2), io, commands).then(
    (code) => {
      process.exitCode = code;
      if (options.exitWhenDone && io.written()) process.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`mm: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
