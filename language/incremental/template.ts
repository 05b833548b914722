/**
 * Templates: a line parsed once rebuilt for every other text of its shape
 * (shape.ts), the same nodes with the words re-read from the new text at the
 * same offsets.
 *
 * A template is only made from lines whose words are plain (no quotes, no
 * escapes: their value is their source text) and is checked by rebuilding
 * itself from its own text. Value checks depend on the values and are run
 * again for every line.
 */
import type { Command, CommandArgs, Comment, Line, Word } from '../ast.js';
import { commandFrom } from '../ast.js';
import { BuiltLine } from '../built-line.js';
import type { Diagnostic } from '../diagnostic.js';
import { goLeadingSpaceLength } from '../text.js';
import type { ValueChecks } from '../validation/values.js';
import { sameLine } from './same.js';

/** How to rebuild one command of a chain from the line's words. */
export interface CommandRecipe {
  /** Index in the line's words of the command's first word. */
  readonly firstWord: number;
  /** Where the top-level command's original text starts (nested originals are re-serialised words). */
  readonly originalStart: number;
  /** Whether the command's words are all the line's words (they are then shared). */
  readonly allWords: boolean;
  /** String arguments: [line word index, key]. */
  readonly strings: readonly (readonly [number, string])[];
  /** List arguments: [line word index of the first item, key] (items run to the command's last word). */
  readonly lists: readonly (readonly [number, string])[];
  /** Whether any of this command's words holds a digit (else its words and arguments are the template's). */
  readonly varies: boolean;
}

/** A parsed line (at line 0) and how to rebuild it from another text of its shape. */
export interface LineTemplate {
  readonly line: Line;
  readonly recipes: readonly CommandRecipe[];
  /** Per word of the line, whether it holds a digit (words without one are shared with the template). */
  readonly digits: readonly boolean[];
}

const slice = (text: string, w: Word): string => text.slice(w.range.start.character, w.range.end.character);

/**
 * A template made from a line parsed at line 0 with no aliases, or null when
 * the line cannot serve as one (`digitKeywords`: see shape.ts).
 */
export function createTemplate(line: Line, digitKeywords: RegExp | null): LineTemplate | null {
  if (line.status !== 'command' && line.status !== 'comment') return null;
  if (line.line !== 0 || digitKeywords?.test(line.text)) return null;
  for (const w of line.words) if (w.quoted || w.raw !== w.value || slice(line.text, w) !== w.raw) return null;
  const digits = line.words.map((w) => HAS_DIGIT.test(w.value));
  const recipes: CommandRecipe[] = [];
  for (let c: Command | null = line.command; c; ) {
    const first = c.words[0];
    const firstWord = first ? line.words.findIndex((w) => w.range.start.character === first.range.start.character) : line.words.length;
    if (firstWord < 0) return null;
    const strings: [number, string][] = [];
    const lists: [number, string][] = [];
    for (let i = 0; i < c.words.length; i++) {
      const item = c.items[c.wordItems[i]!];
      if (item?.type === 'string') strings.push([firstWord + i, item.key]);
      else if (item?.type === 'list' && !lists.some(([, k]) => k === item.key)) lists.push([firstWord + i, item.key]);
    }
    recipes.push({
      firstWord,
      originalStart: goLeadingSpaceLength(line.text),
      allWords: firstWord === 0 && c.words.length === line.words.length,
      strings,
      lists,
      varies: digits.slice(firstWord, firstWord + c.words.length).some(Boolean),
    });
    const sub = c.subcommand;
    if (sub && sub.kind !== 'Command') return null;
    c = sub;
  }
  const template: LineTemplate = { line, recipes, digits };
  return sameLine(instantiate(template, line.text, null), line) ? template : null;
}

const HAS_DIGIT = /[0-9]/;

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/**
 * The line of `text` (of the template's shape), with value checks when
 * `checks` are given. Lines are immutable, so what does not depend on the
 * digits (words without one, commands none of whose words has one) is the
 * template's own.
 */
export function instantiate(t: LineTemplate, text: string, checks: ValueChecks | null): Line {
  const base = t.line;
  const words = templateWords(t, text);
  const comment = templateComment(t, text);
  const command = base.command ? commandOf(base.command, t.recipes, 0, words, text) : null;
  let diagnostics = NO_DIAGNOSTICS;
  if (command && checks) {
    const found = checks.check(command);
    if (found.length > 0) diagnostics = found;
  }
  return new BuiltLine(0, text, words, comment, base.range, base.status, command, '', diagnostics);
}

/** The words of `text` (of the template's shape): the template's, those with a digit read from `text`. */
export function templateWords(t: LineTemplate, text: string): Word[] {
  const baseWords = t.line.words;
  const words = new Array<Word>(baseWords.length);
  for (let i = 0; i < baseWords.length; i++) {
    const w = baseWords[i]!;
    if (!t.digits[i]) words[i] = w;
    else {
      const value = slice(text, w);
      words[i] = { kind: 'Word', value, raw: value, quoted: false, range: w.range };
    }
  }
  return words;
}

/** The comment of `text` (of the template's shape). */
export function templateComment(t: LineTemplate, text: string): Comment | null {
  const c = t.line.comment;
  return c ? { kind: 'Comment', text: text.slice(c.range.start.character, c.range.end.character), range: c.range } : null;
}

function commandOf(c: Command, recipes: readonly CommandRecipe[], level: number, words: Word[], text: string): Command {
  const r = recipes[level]!;
  const sub = c.subcommand as Command | null;
  const subcommand = sub ? commandOf(sub, recipes, level + 1, words, text) : null;
  const original = commandOriginal(c, r, level, words, text);
  return commandFrom(c, commandArgs(c, r, words), subcommand, original, commandWords(c, r, words), c.range);
}

/** The words of the template's command `c` (made by recipe `r`) in a line of `words`. */
export function commandWords(c: Command, r: CommandRecipe, words: readonly Word[]): readonly Word[] {
  if (!r.varies) return c.words;
  return r.allWords ? words : words.slice(r.firstWord, r.firstWord + c.words.length);
}

/** minicli's Original of the template's command `c` (level `level` of the chain) in a line of `words` and `text`. */
export function commandOriginal(c: Command, r: CommandRecipe, level: number, words: readonly Word[], text: string): string {
  if (level > 0) {
    // minicli re-serialises a nested command's words (plain words need no quotes).
    let out = words[r.firstWord]?.value ?? '';
    for (let i = r.firstWord + 1; i < words.length; i++) out += ' ' + words[i]!.value;
    return out;
  }
  return r.originalStart === 0 && c.original.length === text.length ? text : text.substr(r.originalStart, c.original.length);
}

/** The arguments of the template's command `c` with the values of a line of `words`. */
export function commandArgs(c: Command, r: CommandRecipe, words: readonly Word[]): CommandArgs {
  if (!r.varies) return c.args;
  // The template's records copied (a copy keeps their layout: no key is added) with this
  // line's values. Indexed loops, no destructuring: iterating allocates in code not yet optimised.
  let str = c.args.string;
  if (r.strings.length > 0) {
    const own: Record<string, string> = { ...str };
    for (let k = 0; k < r.strings.length; k++) {
      const arg = r.strings[k]!;
      own[arg[1]] = words[arg[0]]!.value;
    }
    str = own;
  }
  let list = c.args.list;
  if (r.lists.length > 0) {
    const end = r.firstWord + c.words.length;
    const own: Record<string, readonly string[]> = { ...list };
    for (let k = 0; k < r.lists.length; k++) {
      const i = r.lists[k]![0];
      const key = r.lists[k]![1];
      const items = new Array<string>(end - i);
      for (let j = i; j < end; j++) items[j - i] = words[j]!.value;
      own[key] = items;
    }
    list = own;
  }
  return { string: str, bool: c.args.bool, list };
}
