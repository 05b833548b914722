/**
 * Argument value checks: where the catalog knows an argument's domain, values
 * that minimega rejects at run time, whatever the node's state, get an error
 * with its own code. The line still parses in minimega, but `mm run` (and
 * minimega) fail it, so `mm check` fails it too.
 */
import { subcommandOf, type Command } from '../ast.js';
import type { Range } from '../positions.js';
import type { ArgDomain, HandlerSpec } from '../catalog/types.js';
import type { Diagnostic } from '../diagnostic.js';
import type { PatternItem } from '../patterns.js';
import { Codes } from '../codes.js';
import { READS_COMMAND, valueCheckers, type Checker, type ValueProblem } from './checkers.js';

/** Visits a word of a command chain whose argument has a value check. */
export type CheckedWordVisit = (c: Command, level: number, i: number, check: Checker) => void;

/** The diagnostic of a value problem on the word at `range`. */
export function valueDiagnostic(p: ValueProblem, range: Range): Diagnostic {
  return { code: p.code, severity: p.severity, message: p.message, range };
}

/** The value checks, with each pattern's checkers worked out once (per pattern, as lines come). */
export class ValueChecks {
  /** Per pattern (its items), the checker of each item; null when no item has one. */
  private readonly byItems = new WeakMap<readonly PatternItem[], { handler: HandlerSpec; checkers: readonly (Checker | undefined)[] | null }>();

  /** The checkers handed out that read more of their command than the value. */
  private readonly readingCommand = new WeakSet<Checker>();

  /** Whether a checker handed out by `forEachCheckedWord` reads only the value it is given. */
  readsValueOnly(check: Checker): boolean {
    return !this.readingCommand.has(check);
  }

  /** Runs the value checks for a matched command and its nested commands. */
  check(command: Command): Diagnostic[] {
    const out: Diagnostic[] = [];
    this.forEachCheckedWord(command, (c, _level, i, check) => {
      const word = c.words[i]!;
      const problem = check(word.value, c, i);
      if (problem) out.push(valueDiagnostic(problem, word.range));
    });
    return out;
  }

  /**
   * Calls `visit` for each word of a command chain whose argument has a value
   * check, in order: its command, the command's level in the chain, the
   * word's index among the command's words and the checker.
   */
  forEachCheckedWord(command: Command, visit: CheckedWordVisit): void {
    let level = 0;
    for (let c: Command | null = command; c; c = subcommandOf(c), level++) {
      const checkers = this.checkersOf(c.handler, c.items);
      if (!checkers) continue;
      for (let i = 0; i < c.words.length; i++) {
        const check = checkers[c.wordItems[i]!];
        if (check) visit(c, level, i, check);
      }
    }
  }

  /** The checker of each item: string and list items whose argument has a checked domain (null when none has one). */
  private checkersOf(handler: HandlerSpec, items: readonly PatternItem[]): readonly (Checker | undefined)[] | null {
    const known = this.byItems.get(items);
    if (known && known.handler === handler) return known.checkers;
    let any = false;
    const checkers = items.map((item) => {
      if (item.type !== 'string' && item.type !== 'list') return undefined;
      const arg = handler.args[item.key];
      const check = arg?.domain ? valueCheckers[arg.domain] : undefined;
      if (!check) return undefined;
      any = true;
      const made = arg!.rejected ? whenRejected(check, arg!.rejected, arg!.domain!) : check;
      if (READS_COMMAND.has(arg!.domain!)) this.readingCommand.add(made);
      return made;
    });
    const result = any ? checkers : null;
    this.byItems.set(items, { handler, checkers: result });
    return result;
  }
}

const DOMAIN_WORDS: Partial<Record<ArgDomain, string>> = { uint: 'an unsigned integer', int: 'an integer' };

/** A checker whose problems say when minimega refuses the value (the catalog's `rejected`). */
function whenRejected(check: Checker, rejected: 'when-set' | 'at-launch', domain: ArgDomain): Checker {
  if (rejected === 'when-set')
    return (v, c, i) => {
      const p = check(v, c, i);
      return p && { ...p, severity: 'error' };
    };
  return (v, c, i) => {
    const p = check(v, c, i);
    return (
      p && {
        ...p,
        severity: 'warning',
        code: Codes.launchValue,
        message: `\`${v}\` is not ${DOMAIN_WORDS[domain] ?? 'a valid value'}: minimega takes it here, and launching a VM with it fails`,
      }
    );
  };
}
