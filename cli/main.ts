/** The `mm` binary (dist/mm.cjs): every command. */
import { allCommands } from './commands.js';
import { quietOnEpipe } from './cli-io.js';
import { runProcess } from './process-main.js';

// The language server and the REPL write to the stream of standard output (the CLI's own
// output goes to its descriptor): a reader that goes away ends them quietly too.
quietOnEpipe(process.stdout);
runProcess(allCommands);
