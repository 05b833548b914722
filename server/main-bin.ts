/** Entry of `dist/server.cjs`: the language server alone (`node dist/server.cjs --stdio`). */
import { startLanguageServer } from './main.js';

startLanguageServer();
