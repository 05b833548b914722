/**
 * The `mm` binary of the commands that need the language alone
 * (dist/mm-language.cjs): `bin/mm.cjs` runs it for `mm check`, `mm fmt` and
 * `mm parse`, which so load none of the simulator, mesh or language server.
 */
import { languageCommands } from './language-commands.js';
import { runProcess } from './process-main.js';

runProcess(languageCommands, { exitWhenDone: true });
