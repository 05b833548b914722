/**
 * `mm fmt` formats a slice of lines at a time (cli/fmt-command.ts
 * `formattedChunks`): the pieces must spell what formatting the whole parsed
 * script gives, line breaks and the last line break included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLanguageService, formatLine } from '../../language/index.js';
import { runMm } from '../helpers/mm-cli.js';
import { formattedChunks } from '../../cli/fmt-command.js';
import { mulberry32 } from '../../interpreter/random.js';
import { testTempDir } from '../helpers/temp-dir.js';

const language = createLanguageService();

/** The whole script parsed at once and every line formatted: how `mm fmt` worked before it sliced. */
function wholeScript(text: string): string {
  const { script } = language.parseScript(text, { valueChecks: false });
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let formatted = script.lines.map((l) => formatLine(l, (t) => language.compileLine(t, 0))).join(eol);
  if (/\r?\n$/.test(text) && !formatted.endsWith(eol)) formatted += eol;
  return formatted;
}

describe('mm fmt in slices', () => {
  const pieces = [
    'vm   config memory 2048',
    '  vm launch kvm a[1-3]  ',
    'vm lanch kvm x',
    '# comment  ',
    '',
    '   ',
    'namespace  ns1 vm  info',
    '.alias vl = vm launch kvm',
    'vl b1',
    '.unalias vl',
    'vm config   vcpus two',
    'vm   info # c  ',
    '"quoted thing"',
    'vm launch "kvm" q\t',
  ];

  it('gives the whole script’s formatting for short and long texts, LF and CRLF, with and without a last line break', () => {
    const next = mulberry32(5);
    let long = 0;
    for (let round = 0; round < 120; round++) {
      const count = round % 10 === 0 ? 2048 * 2 + (next() % 50) : next() % 9;
      if (count > 2048) long++;
      const lines = Array.from({ length: count }, (_, i) => pieces[next() % pieces.length]!.replace('x', `x${i}`));
      const eol = next() % 3 === 0 ? '\r\n' : '\n';
      let text = lines.join(eol);
      const end = next() % 5;
      if (end === 1) text += eol;
      else if (end === 2) text += eol + eol;
      else if (end === 3) text += '\r';
      // A CRLF somewhere makes every line break CRLF.
      if (end === 4 && lines.length > 1) text = text.replace(eol, '\r\n');
      const chunks = [...formattedChunks(language, text)];
      expect(chunks.join('')).toBe(wholeScript(text));
      if (count > 2048) expect(chunks.length).toBeGreaterThan(2);
    }
    expect(long).toBeGreaterThan(5);
  });

  it('through the CLI: a script several slices long printed, checked and rewritten as the whole script formats', () => {
    const dir = testTempDir('mm-fmt-');
    const text = `${Array.from({ length: 7000 }, (_, i) => pieces[i % pieces.length]!.replace('x', `x${i}`)).join('\r\n')}\r\n\r\n`;
    writeFileSync(join(dir, 'long.mm'), text);
    const want = wholeScript(text);
    expect(want).not.toBe(text);
    const printed = runMm(['fmt', 'long.mm'], { cwd: dir });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(want);
    const check = runMm(['fmt', '--check', 'long.mm'], { cwd: dir });
    expect([check.status, check.stdout]).toEqual([1, 'long.mm\n']);
    expect(runMm(['fmt', '--write', 'long.mm'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'long.mm'), 'utf8')).toBe(want);
    expect(runMm(['fmt', '--check', 'long.mm'], { cwd: dir }).status).toBe(0);
  });
});
