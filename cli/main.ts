/** The `mm` binary (dist/mm.cjs): every command. */
import { allCommands } from './commands.js';
import { runProcess } from './process-main.js';

runProcess(allCommands);
