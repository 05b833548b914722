/**
 * What *minimega: Run Script on minimega* runs (interpreter/socket/script-api.ts),
 * against a node on a socket: minitest's transcript, the errors per line,
 * the exit code; the socket as a file or as a base directory; connection
 * problems as rejections with a clear message. And the extension declares
 * the command and its `minimega.socket` setting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScriptOnMinimega } from '../../interpreter/socket/script-api.js';
import { repoRoot } from '../helpers/shared.js';
import { startSocketNode, type SocketNode } from '../helpers/socket-node.js';

const open: SocketNode[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((n) => n.close()));
});

describe('running a script on minimega over its socket (the VS Code command)', () => {
  it('gives the transcript, errors on their lines, and stops at a line that does not compile', async () => {
    const n = await startSocketNode({ dialect: '2.3', name: 'mm1' });
    open.push(n);
    const text = 'vm launch kvm a\n# note\n\n.columns name vm info\nvm start b\nbogus\necho after\n';
    const r = await runScriptOnMinimega(text, { socket: n.dir });
    expect(r.socket).toBe(n.path);
    expect(r.transcript).toBe(
      '## vm launch kvm a\n## # note\n\n## .columns name vm info\nhost | name\nmm1  | a\n## vm start b\nE: vm not found: b\n## bogus\nE: invalid command: `bogus`\n',
    );
    expect(r.errors).toEqual([
      { line: 5, message: 'vm not found: b (mm1)' },
      { line: 6, message: 'invalid command: `bogus`' },
    ]);
    expect(r.exitCode).toBe(1);
  });

  it('rejects with a message naming the socket when nothing listens, or the daemon speaks 3.1', async () => {
    const n = await startSocketNode({ dialect: '3.1', name: 'mm1' });
    open.push(n);
    await expect(runScriptOnMinimega('echo x', { socket: 'nothing', cwd: n.dir })).rejects.toThrow(
      `dial unix ${join(n.dir, 'nothing')}: connect: no such file or directory`,
    );
    await expect(runScriptOnMinimega('echo x', { socket: n.path })).rejects.toThrow(`the daemon at ${n.path} speaks minimega 3.1's socket protocol, not 2.3's`);
    expect((await runScriptOnMinimega('echo x', { socket: n.path, dialect: '3.1' })).transcript).toBe('## echo x\nmm1: x\n');
  });

  it('is declared by the extension: the command, the palette entry, the setting', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'vscode-extension/package.json'), 'utf8')) as {
      contributes: {
        commands: { command: string; title: string }[];
        menus: { commandPalette: { command: string }[] };
        configuration: { properties: Record<string, { default: unknown }> };
      };
    };
    expect(manifest.contributes.commands).toContainEqual(expect.objectContaining({ command: 'minimega.runScriptOnMinimega', title: 'Run Script on minimega' }));
    expect(manifest.contributes.menus.commandPalette.map((m) => m.command)).toContain('minimega.runScriptOnMinimega');
    expect(manifest.contributes.configuration.properties['minimega.socket']!.default).toBe('/tmp/minimega/minimega');
  });
});
