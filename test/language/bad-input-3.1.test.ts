/**
 * The 3.1 dialect on hostile input: never an exception, ranges inside the
 * input, and bounded work for lines built to make the trie walk explode
 * (words that abbreviate every keyword, nested commands at every word).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../interpreter/random.js';
import { createLanguageService, dialect31 } from '../../language/index.js';
import { scannerLines, scriptProblems } from '../helpers/script-invariants.js';

const { compileLine, parseScript } = createLanguageService(dialect31);

function problems(text: string): string[] {
  const r = parseScript(text);
  const out = scriptProblems(text, r.script, r.diagnostics);
  for (const [i, line] of scannerLines(text).entries()) {
    const c = compileLine(line, i);
    if ((c.kind === 'noMatch' || c.kind === 'lexError') && (c.range.start.line !== i || c.range.end.character > line.length)) {
      out.push(`line ${i}: range ${JSON.stringify(c.range)} outside the line`);
    }
  }
  return out;
}

describe('3.1 on bad input', () => {
  it('random code units and random words of the catalog never throw', () => {
    const next = mulberry32(31);
    const words = [
      'vm',
      'v',
      'c',
      '""',
      "''",
      '.csv',
      'true',
      'namespace',
      'ns',
      'run',
      '#',
      '"a b"',
      'info',
      'config',
      'x',
      'cc',
      'mesh',
      'send',
      'all',
      '.columns',
    ];
    for (let k = 0; k < 300; k++) {
      let s = '';
      const n = next() % 60;
      for (let i = 0; i < n; i++) s += k % 2 === 0 ? String.fromCharCode(next() % 0x10000) : `${words[next() % words.length]!} `;
      expect(problems(s), JSON.stringify(s)).toEqual([]);
    }
  });

  it('64 KiB lines of empty words or nested commands end as invalid lines', () => {
    for (const line of ['"" '.repeat(20_000), '.csv "" '.repeat(7000), 'namespace a '.repeat(5000) + 'vm info', 'ns run '.repeat(9000)]) {
      const { script } = parseScript(`${line}\nvm info\n`);
      expect(script.lines.map((l) => l.status)).toEqual(['error', 'command']);
      expect(script.lines[0]!.error).toMatch(/^invalid command: /);
    }
  });

  it('nesting up to 64 levels matches, deeper does not', () => {
    expect(parseScript(`${'.csv true '.repeat(64)}vm info\n`).script.lines[0]!.status).toBe('command');
    expect(parseScript(`${'.csv true '.repeat(65)}vm info\n`).script.lines[0]!.status).toBe('error');
  });
});
