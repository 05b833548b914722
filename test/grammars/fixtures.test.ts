/**
 * Tokenizes the grammar fixtures (test/fixtures/grammar/*.mm) with
 * vscode-textmate + Oniguruma and checks the scope assertions written in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { parseAssertions } from './assertions.js';
import { describeTokens, scopesAt, tokenize } from './tokenize.js';

const fixtureDir = join(repoRoot, 'test/fixtures/grammar');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.mm'))
  .sort();

describe('grammar fixtures', () => {
  test('there are fixtures with assertions', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });

  test.each(fixtures)('%s', async (file) => {
    const text = readFileSync(join(fixtureDir, file), 'utf8');
    const lines = text.split(/\r?\n/);
    const tokens = await tokenize(text);
    const assertions = parseAssertions(text);
    expect(assertions.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const a of assertions) {
      for (const col of a.columns) {
        const scopes = scopesAt(tokens[a.line]!, col);
        const missing = a.present.filter((s) => !scopes.includes(s));
        const unwanted = a.absent.filter((s) => scopes.includes(s));
        if (missing.length || unwanted.length) {
          failures.push(
            `${file}:${a.at + 1}: column ${col} of line ${a.line + 1} (${JSON.stringify(lines[a.line]![col] ?? '')})` +
              (missing.length ? ` lacks ${missing.join(' ')}` : '') +
              (unwanted.length ? ` has ${unwanted.join(' ')}` : '') +
              `\n${lines[a.line]}\n${describeTokens(tokens[a.line]!)}`,
          );
          break;
        }
      }
    }
    expect(failures.join('\n\n')).toBe('');
  });
});
