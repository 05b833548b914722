// Where the e2e tools live (installed by scripts/e2e/install-code-server.sh) and whether
// they are all there. Shared by the runner and the vitest wrapper, which skips without them.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = '4.100.3';

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, cmd);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Paths of code-server, playwright-core and chromium, and what is missing.
 * @returns {{ toolsDir: string, codeServer: string, playwright: string, chromium: string | undefined, missing: string[] }}
 */
export function findTools() {
  const toolsDir = process.env.MM_TOOLS_DIR ?? join(repoRoot, '.tools');
  const codeServer = join(toolsDir, 'code-server/node_modules/.bin/code-server');
  const playwright = join(toolsDir, 'playwright/node_modules/playwright-core');
  const chromium = process.env.MM_CHROMIUM ?? which('chromium') ?? which('chromium-browser');
  const missing = [];
  let version = '';
  try {
    version = readFileSync(join(toolsDir, 'code-server/VERSION'), 'utf8').trim();
  } catch {
    // not installed
  }
  if (version !== CODE_SERVER_VERSION || !existsSync(codeServer)) missing.push(`code-server ${CODE_SERVER_VERSION} in ${toolsDir}`);
  if (!existsSync(join(playwright, 'package.json'))) missing.push(`playwright-core in ${toolsDir}`);
  if (!chromium) missing.push('chromium (apt)');
  return { toolsDir, codeServer, playwright, chromium, missing };
}
