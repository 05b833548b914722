/**
 * The grammar is generated from the catalog: the committed file must equal a
 * fresh generation, and every command head and keyword choice of the catalog
 * must come out scoped as such when tokenized.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectHeads, renderGrammar, SCOPE_NAME } from '../../grammars/generate.js';
import { repoRoot } from '../helpers/shared.js';
import { grammarPath, scopesAt, tokenize } from './tokenize.js';

const COMMAND = 'keyword.other.command.minimega';
const BUILTIN = 'support.function.builtin.minimega';

describe('generated grammar', () => {
  test('the committed grammar equals a fresh generation (run `npm run grammar`)', () => {
    expect(readFileSync(grammarPath, 'utf8')).toBe(renderGrammar());
  });

  test('is valid JSON with the source.minimega scope', () => {
    const g = JSON.parse(readFileSync(grammarPath, 'utf8')) as { scopeName: string; fileTypes: string[] };
    expect(g.scopeName).toBe(SCOPE_NAME);
    expect(g.fileTypes).toEqual(['mm']);
  });

  test('every command head of the catalog is scoped as a command word', async () => {
    const heads = [...collectHeads().values()];
    expect(heads.length).toBeGreaterThan(100);
    const lines = heads.map((h) => `${h.words.join(' ')} x`);
    const tokens = await tokenize(lines.join('\n'));
    const wrong: string[] = [];
    heads.forEach((h, i) => {
      const scope = h.words[0]!.startsWith('.') ? BUILTIN : COMMAND;
      const line = lines[i]!;
      const headEnd = line.length - 2;
      for (let col = 0; col < headEnd; col++) {
        if (!scopesAt(tokens[i]!, col).includes(scope)) {
          wrong.push(`${line}: column ${col} lacks ${scope}`);
          break;
        }
      }
      if (scopesAt(tokens[i]!, line.length - 1).includes(scope)) wrong.push(`${line}: argument scoped as ${scope}`);
    });
    expect(wrong).toEqual([]);
  });

  test('every keyword choice is scoped after its own head only', async () => {
    const heads = [...collectHeads().values()].filter((h) => h.keywords.size > 0);
    const lines: { text: string; col: number; keyword: string }[] = [];
    for (const h of heads) {
      for (const k of h.keywords) {
        const head = h.words.join(' ');
        lines.push({ text: `${head} ${k}`, col: head.length + 1, keyword: k });
      }
    }
    const tokens = await tokenize(lines.map((l) => l.text).join('\n'));
    const wrong = lines.filter((l, i) => {
      const scopes = scopesAt(tokens[i]!, l.col);
      const want = l.keyword === 'true' || l.keyword === 'false' ? 'constant.language.boolean.minimega' : 'keyword.other.choice.minimega';
      return !scopes.includes(want) && !scopes.includes(COMMAND);
    });
    expect(wrong.map((l) => l.text)).toEqual([]);
  });

  test('a long line that fails a nested-command look-ahead stays fast (no exponential backtracking)', async () => {
    const t0 = performance.now();
    await tokenize(`namespace ${'a\\#'.repeat(500)}"x`);
    await tokenize(`.filter ${'"ab"'.repeat(500)}`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  test('white space other than ASCII separates words as minicli does (Go unicode.IsSpace)', async () => {
    const [tokens] = await tokenize('vm\u00a0info\u3000summary');
    expect(scopesAt(tokens!, 0)).toContain(COMMAND);
    expect(scopesAt(tokens!, 8)).toContain('keyword.other.choice.minimega');
  });
});

describe('language configuration', () => {
  const config = JSON.parse(readFileSync(join(repoRoot, 'grammars/language-configuration.json'), 'utf8')) as {
    comments: { lineComment: string };
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: [string, string][];
    wordPattern: string;
  };

  test('# line comments and quote pairs', () => {
    expect(config.comments.lineComment).toBe('#');
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(['""', "''", '[]']));
    expect(config.surroundingPairs).toEqual(
      expect.arrayContaining([
        ['"', '"'],
        ["'", "'"],
      ]),
    );
  });

  test('the word pattern keeps minimega words whole', () => {
    const words = '.columns name,state vm config qemu-override ns1//dmz web[1-3] 10.0.0.1 $VAR'.match(new RegExp(config.wordPattern, 'g'));
    expect(words).toEqual(['.columns', 'name', 'state', 'vm', 'config', 'qemu-override', 'ns1', 'dmz', 'web', '1-3', '10.0.0.1', '$VAR']);
  });
});
