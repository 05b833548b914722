/**
 * Tokenizes text with the committed TextMate grammar through the same engine
 * VS Code uses (vscode-textmate + the Oniguruma WebAssembly build), so the
 * scopes the tests see are the scopes an editor shows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { repoRoot } from '../helpers/shared.js';

/** One token of a tokenized line. */
export interface Token {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
  /** Scope stack, outermost (`source.minimega`) first. */
  readonly scopes: readonly string[];
}

/** Path of the committed grammar. */
export const grammarPath = join(repoRoot, 'grammars/minimega.tmLanguage.json');

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'source.minimega') return null;
      return vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('source.minimega');
  if (!grammar) throw new Error('grammar source.minimega did not load');
  return grammar;
}

/** The grammar, loaded once per test file. */
export function getGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/** Tokenizes a whole text, line by line, carrying the rule stack across lines as an editor does. */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await getGrammar();
  let stack = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, stack, 1000);
    if (r.stoppedEarly) throw new Error(`tokenizing stopped early (over 1 s) on: ${line}`);
    out.push(
      r.tokens.map((t) => ({
        startIndex: t.startIndex,
        endIndex: Math.min(t.endIndex, line.length),
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    );
    stack = r.ruleStack;
  }
  return out;
}

/** The scopes at one column of a tokenized line. */
export function scopesAt(tokens: readonly Token[], column: number): readonly string[] {
  const t = tokens.find((tok) => tok.startIndex <= column && column < tok.endIndex);
  return t ? t.scopes : [];
}

/** Renders a tokenized line for failure messages: `text` followed by its scopes. */
export function describeTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => `  ${JSON.stringify(t.text).padEnd(24)} ${t.scopes.slice(1).join(' ')}`).join('\n');
}
