/**
 * 3.1's `background` family on a node started with and without
 * `--allow-shell`: ids, the status table, the kept output of a program that
 * ended, and forgetting ended programs (catalog-3.1.json; the table and the
 * simulator's errors are docs/simulator.md's). Programs run in a temporary folder.
 */
import { describe, expect, it } from 'vitest';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { transcriptOf } from '../../interpreter/transcript.js';
import { testTempDir } from '../helpers/temp-dir.js';

function node31(allowShell: boolean): SimNode {
  return createNode({ name: 'mmhost', dialect: '3.1', allowShell, cwd: testTempDir('mm-background-') });
}

async function transcript(node: SimNode, lines: string): Promise<string> {
  let out = '';
  for (const l of lines.split('\n')) out += transcriptOf(node, l, await runLine(node, l));
  return out;
}

async function ended(node: SimNode, id: number): Promise<void> {
  await node.hardware.background.get(id)!.ended;
}

describe('3.1 background', () => {
  it('needs --allow-shell to start a program; the listings are then empty', async () => {
    const node = node31(false);
    expect(await transcript(node, '.annotate false\nbackground true\nbackground-status\nbackground-output 1')).toBe(
      [
        '## .annotate false',
        '## background true',
        'E: background: running host programs is disabled (start mm with --allow-shell to enable it)',
        '## background-status',
        '## background-output 1',
        'E: background-output: no background program with id 1',
        '',
      ].join('\n'),
    );
  });

  it('prints the id, lists the status, and keeps stdout and stderr apart', async () => {
    const node = node31(true);
    expect(await transcript(node, '.annotate false\nbackground sh -c "printf out; printf err >&2; exit 3"')).toBe(
      '## .annotate false\n## background sh -c "printf out; printf err >&2; exit 3"\n1\n',
    );
    await ended(node, 1);
    expect(await transcript(node, 'background-status\nbackground-output 1\nbackground-error 1\nbackground-status 1')).toBe(
      [
        '## background-status',
        'id   | command                                  | status',
        '1    | sh -c printf out; printf err >&2; exit 3 | exit status 3',
        '## background-output 1',
        'out',
        '## background-error 1',
        'err',
        '## background-status 1',
        'id   | command                                  | status',
        '1    | sh -c printf out; printf err >&2; exit 3 | exit status 3',
        '',
      ].join('\n'),
    );
  });

  it('refuses the output of a running program, bad ids, and forgets only ended programs', async () => {
    const node = node31(true);
    expect(await transcript(node, '.annotate false\nbackground true\nbackground sleep 1\nbackground no-such-program-mm')).toBe(
      '## .annotate false\n## background true\n1\n## background sleep 1\n2\n## background no-such-program-mm\n3\n',
    );
    await ended(node, 1);
    await ended(node, 3);
    expect(await transcript(node, 'background-output 2\nbackground-error 2\nbackground-output x\nbackground-status 9\nbackground-status')).toBe(
      [
        '## background-output 2',
        'E: background-output: background program 2 is still running',
        '## background-error 2',
        'E: background-error: background program 2 is still running',
        '## background-output x',
        'E: strconv.Atoi: parsing "x": invalid syntax',
        '## background-status 9',
        'E: background-status: no background program with id 9',
        '## background-status',
        'id   | command            | status',
        '1    | true               | exited',
        '2    | sleep 1            | running',
        '3    | no-such-program-mm | exec: spawn no-such-program-mm ENOENT',
        '',
      ].join('\n'),
    );
    expect(await transcript(node, 'clear background-status\nbackground-status')).toBe(
      ['## clear background-status', '## background-status', 'id   | command | status', '2    | sleep 1 | running', ''].join('\n'),
    );
    await ended(node, 2);
    expect(await transcript(node, 'background-output 2\nclear background-status\nbackground-status\nbackground true')).toBe(
      '## background-output 2\n## clear background-status\n## background-status\n## background true\n4\n',
    );
  });
});
