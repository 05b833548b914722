/**
 * The verified lone-node transcripts of runtime-3.1.md section 10 (plumber,
 * pipes, tap mirrors, vm top, ns bridge), read from the spec at test time
 * and run byte for byte, each on a fresh node by `mm minitest --dialect 3.1
 * --allow-shell` (prolog `.annotate false`, `clear history`, `clear all`, as
 * the note's runs). Blocks typed on the three-node star are skipped here
 * (test/fixtures/cluster-31 covers the star).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMinitest } from '../helpers/mm-cli.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

interface Block {
  readonly name: string;
  readonly transcript: string;
}

/** Section 10's transcripts: code blocks whose lines start with `## `, with the text before them. */
function blocks(): Block[] {
  const spec = readFileSync(sharedPath('spec', 'runtime-3.1.md'), 'utf8');
  const section = spec.slice(spec.indexOf('## 10. Plumber'));
  const out: Block[] = [];
  const re = /([^\n]*)\n```\n(## [\s\S]*?)\n```/g;
  for (let m = re.exec(section); m; m = re.exec(section)) {
    const before = m[1]!;
    const transcript = `${m[2]!}\n`;
    if (/star/i.test(before)) continue;
    out.push({
      name: `block${out.length + 1}_${transcript
        .split('\n')[0]!
        .slice(3)
        .replace(/[^a-z0-9]+/gi, '_')}`,
      transcript,
    });
  }
  return out;
}

const found = hasShared ? blocks() : [];

describe.skipIf(!hasShared)('runtime-3.1.md section 10, verified transcripts', () => {
  it('finds the lone-node blocks', () => {
    expect(found.length).toBeGreaterThanOrEqual(9);
  });

  it.each(found.map((b) => [b.name, b] as const))('%s', (_name, block) => {
    const dir = testTempDir('mm-spec-31-');
    writeFileSync(join(dir, 'prolog'), '.annotate false\nclear history\nclear all\n');
    const script = block.transcript
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3))
      .join('\n');
    writeFileSync(join(dir, 'block'), `${script}\n`);
    writeFileSync(join(dir, 'block.want'), block.transcript);
    const run = runMinitest(dir, 'mmhost', ['--dialect', '3.1', '--allow-shell']);
    if (run.verdicts.get('block') !== 'ok') expect.fail(run.explain('block'));
  });
});
