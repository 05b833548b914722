/**
 * Real editors drive the built language server headless: Neovim with its built-in LSP client and Emacs with eglot
 * check diagnostics, completion, hover and a change. Each suite skips, with a
 * notice, when its editor is not installed (scripts/install-editors.sh).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

const SERVER_CMD = `${process.execPath} ${join(repoRoot, 'dist', 'mm.cjs')} lsp --stdio`;

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0;
}

const hasNvim = has('nvim', ['--version']);
const hasEmacs = has('emacs', ['--batch', '--eval', "(require 'eglot)"]);
if (!hasNvim) console.warn('notice: nvim not installed; the Neovim end-to-end test is skipped (scripts/install-editors.sh installs it)');
if (!hasEmacs) console.warn('notice: emacs with eglot not installed; the Emacs end-to-end test is skipped (scripts/install-editors.sh installs it)');

/** Runs an editor on a fresh copy of its fixture (in a directory of the running test); returns its output and status. */
function run(editor: 'nvim' | 'emacs'): { status: number | null; out: string } {
  const dir = testTempDir(`mm-e2e-${editor}-`);
  const fixture = join(dir, 'test.mm');
  copyFileSync(join(repoRoot, 'test', 'e2e', editor, 'test.mm'), fixture);
  const args =
    editor === 'nvim'
      ? ['--headless', '-u', join(repoRoot, 'test/e2e/nvim/init.lua'), fixture]
      : ['--batch', '-l', join(repoRoot, 'test/e2e/emacs/e2e.el'), fixture];
  const r = spawnSync(editor, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, MM_SERVER_CMD: SERVER_CMD, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
  });
  return { status: r.status, out: `${r.stdout}${r.error ? String(r.error) : ''}` };
}

describe.skipIf(!hasNvim)('Neovim (vim.lsp client)', () => {
  it('diagnostics, completion, hover and a change', () => {
    const { status, out } = run('nvim');
    expect(out).toContain('5 passed, 0 failed');
    expect(status).toBe(0);
  });
});

describe.skipIf(!hasEmacs)('Emacs (eglot)', () => {
  it('diagnostics, completion, hover and a change', () => {
    const { status, out } = run('emacs');
    expect(out).toContain('6 passed, 0 failed');
    expect(status).toBe(0);
  });
});
