/**
 * Argument value checks: where the catalog knows an argument's domain, values
 * that minimega would reject at run time get a warning with its own code.
 * They are warnings, not errors: the line still parses in minimega.
 */
import { commandChain, type Command } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import { valueCheckers } from './checkers.js';

/** Runs the value checks for a matched command and its nested commands. */
export function checkValues(command: Command): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of commandChain(command)) {
    for (let i = 0; i < c.words.length; i++) {
      const item = c.items[c.wordItems[i]!];
      if (!item || (item.type !== 'string' && item.type !== 'list')) continue;
      const domain = c.handler.args[item.key]?.domain;
      if (!domain) continue;
      const check = valueCheckers[domain];
      if (!check) continue;
      const word = c.words[i]!;
      const problem = check(word.value, c);
      if (problem) out.push({ ...problem, range: word.range });
    }
  }
  return out;
}
