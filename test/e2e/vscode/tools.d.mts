/** Types of tools.mjs (plain ESM so that the runner needs no TypeScript loader). */

/** The repository root. */
export declare const repoRoot: string;
/** The pinned code-server version (VS Code 1.100.3, the last release on Node 20). */
export declare const CODE_SERVER_VERSION: string;

/** Paths of code-server, playwright-core and chromium, and what is missing. */
export declare function findTools(): {
  toolsDir: string;
  codeServer: string;
  playwright: string;
  chromium: string | undefined;
  missing: string[];
};
