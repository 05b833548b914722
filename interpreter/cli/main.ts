/** The `mm` binary: runs the CLI on the process's streams. */
import { runCli } from './run-cli.js';
import { createProcessIO } from './io.js';

runCli(process.argv.slice(2), createProcessIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`mm: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
