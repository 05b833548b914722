/**
 * `vm net bond` and `clear vm net bond` on a fresh 3.1 node, so the tap
 * names in the `bond` column start at `mega_tap0`: the transcript
 * test/fixtures/bonds-31/vm_net_bond_31 (errors from runtime-3.1.md §8, the
 * columns' shapes from §5.4) run line by line against its `.want`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { transcriptOf } from '../../interpreter/transcript.js';
import { lineDiff } from '../helpers/mm-cli.js';
import { repoRoot } from '../helpers/shared.js';

const dir = join(repoRoot, 'test/fixtures/bonds-31');

describe('3.1 bonds', () => {
  it('vm_net_bond_31', async () => {
    const node = createNode({ name: 'mmhost', dialect: '3.1' });
    await runLine(node, '.annotate false');
    let got = '';
    for (const line of readFileSync(join(dir, 'vm_net_bond_31'), 'utf8').trimEnd().split('\n')) got += transcriptOf(node, line, await runLine(node, line));
    const want = readFileSync(join(dir, 'vm_net_bond_31.want'), 'utf8');
    if (got !== want) expect.fail(lineDiff(want, got));
  });
});
