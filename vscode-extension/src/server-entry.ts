/**
 * Entry of the bundled language server (dist/server.js): the project's server,
 * speaking LSP over stdio to the extension's client.
 */
import { startLanguageServer } from '../../server/main.js';

startLanguageServer();
