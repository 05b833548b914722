/** The `mm` binary: runs the CLI on the process's streams. */
import { runCli } from './run-cli.js';
import { createProcessIO, quietOnEpipe } from './cli-io.js';

// Standard error gets the same when it is first written (createProcessIO).
quietOnEpipe(process.stdout);

runCli(process.argv.slice(2), createProcessIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`mm: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
