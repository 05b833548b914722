/**
 * The heavy half of the extension, bundled apart as dist/simulator.js and
 * loaded on the first run or reference command, so that activation only loads
 * the thin client (the e2e test holds activation under 1 s). It holds the
 * simulator and the socket client for runs on a real minimega.
 */
export { runScriptText } from '../../interpreter/api.js';
export { runScriptOnMinimega } from '../../interpreter/socket/script-api.js';
export { renderCommandReference } from '../../language/index.js';
export { isNodeName, scriptHosts, unknownHostNote } from '../../interpreter/script-hosts.js';
export { unknownHostIn } from '../../interpreter/unknown-host.js';
