/**
 * Deep equality of lines and commands, by what they say: a template is kept
 * only when rebuilding it from its own text gives the line it came from, and
 * a line built when read only when its shortcuts give what building it does.
 */
import type { Command, Line } from '../ast.js';

/** Whether two lines say the same (text, status, words, comment, range, command chain). */
export function sameLine(a: Line, b: Line): boolean {
  return (
    a.text === b.text &&
    a.status === b.status &&
    samePlain(a.words, b.words) &&
    samePlain(a.comment, b.comment) &&
    samePlain(a.range, b.range) &&
    sameCommand(a.command, b.command)
  );
}

function sameCommand(a: Command | null, b: Command | null): boolean {
  if (!a || !b) return a === b;
  const sub = (c: Command): Command | null => (c.subcommand?.kind === 'Command' ? c.subcommand : null);
  return (
    a.handler === b.handler &&
    a.pattern === b.pattern &&
    a.patternIndex === b.patternIndex &&
    a.apropos === b.apropos &&
    a.original === b.original &&
    samePlain(a.args, b.args) &&
    samePlain(a.words, b.words) &&
    samePlain(a.wordItems, b.wordItems) &&
    samePlain(a.range, b.range) &&
    (a.subcommand === null) === (b.subcommand === null) &&
    sameCommand(sub(a), sub(b))
  );
}

/**
 * Deep equality of plain data (arrays, plain objects, primitives), without
 * building JSON text: templates are checked as a document opens.
 */
export function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!Object.hasOwn(y, k) || !samePlain(x[k], y[k])) return false;
  }
  return true;
}
