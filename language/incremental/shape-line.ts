/**
 * A line of a known shape (see shape.ts) that is built only when read.
 * Opening a long generated document makes thousands of lines from a few
 * templates, and its first diagnostics need little of each: the value checks
 * of the words that hold digits (the other words' findings are the
 * template's) and, for the script checks, the handlers, patterns and
 * namespace names of its chain (the template's, names read from the text).
 * So a `ShapeLine` keeps its text and shape and answers those without
 * building anything; its words, comment and command are made on first use,
 * and its command (a `ShapeCommand`) makes its own words, arguments and
 * original text only when they are read.
 */
import type { Command, CommandArgs, Comment, Line, LineData, Word } from '../ast.js';
import { commandAt, commandFrom, subcommandOf } from '../ast.js';
import type { Range } from '../positions.js';
import type { HandlerSpec } from '../catalog/types.js';
import type { Diagnostic } from '../diagnostic.js';
import type { PatternItem } from '../patterns.js';
import { commandArgs, commandOriginal, commandWords, templateComment, templateWords, type CommandRecipe, type LineTemplate } from './template.js';
import { samePlain } from './same.js';
import type { Checker } from '../validation/checkers.js';
import { valueDiagnostic, type ValueChecks } from '../validation/values.js';

/** A value check of a template's word: run again for words with a digit, else the template's finding. */
interface CheckSlot {
  /** Index of the word in the line. */
  readonly word: number;
  /** The checker, for a word holding a digit, and the word's index in its command. */
  readonly check?: Checker;
  readonly index?: number;
  /** The template's finding, for a word without one. */
  readonly found?: Diagnostic;
}

/** One command of a template's chain, as whole-script passes read it. */
interface ShapeStep {
  readonly handler: HandlerSpec;
  /** Whether the pattern it matched nests a command. */
  readonly nests: boolean;
}

/** What the lines of one template share: the template, its value checks and its chain. */
interface Shape {
  readonly template: LineTemplate;
  readonly slots: readonly CheckSlot[];
  readonly steps: readonly ShapeStep[];
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** A line rebuilt from its template when first read; see the file comment. */
export class ShapeLine implements Line {
  // Few fields: a long document holds one of these per line.
  private parts: LineParts | undefined;
  private found: readonly Diagnostic[] | undefined;

  constructor(
    readonly shape: Shape,
    readonly text: string,
  ) {}

  get kind(): 'Line' {
    return 'Line';
  }
  get line(): number {
    return 0;
  }
  /** The parts built so far (all three fields from the start: one object layout). */
  private get built(): LineParts {
    return (this.parts ??= { words: undefined, comment: undefined, command: undefined });
  }
  get words(): readonly Word[] {
    const p = this.built;
    return (p.words ??= templateWords(this.shape.template, this.text));
  }
  get comment(): Comment | null {
    const p = this.built;
    if (p.comment === undefined) p.comment = templateComment(this.shape.template, this.text);
    return p.comment;
  }
  get command(): Command | null {
    const p = this.built;
    if (p.command === undefined) {
      const c = this.shape.template.line.command;
      p.command = c ? new ShapeCommand(this, c, 0) : null;
    }
    return p.command;
  }
  get status(): Line['status'] {
    return this.shape.template.line.status;
  }
  get error(): string {
    return this.shape.template.line.error;
  }
  get range(): Range {
    return this.shape.template.line.range;
  }
  get diagnostics(): readonly Diagnostic[] {
    return (this.found ??= slotDiagnostics(this.shape.template, this.shape.slots, this.text));
  }

  get template(): Line {
    return this.shape.template.line;
  }
  handlerAt(level: number): HandlerSpec | undefined {
    return this.shape.steps[level]?.handler;
  }
  nestsAt(level: number): boolean {
    return this.shape.steps[level]?.nests ?? false;
  }
  /** The template's argument, or this line's text where the word holding it has a digit. */
  stringArgAt(level: number, key: string): string | undefined {
    const t = this.shape.template;
    const strings = t.recipes[level]?.strings ?? [];
    // Indexed reads, no destructuring: this runs for every namespace line of a document that opens.
    for (let k = 0; k < strings.length; k++) {
      const arg = strings[k]!;
      if (arg[1] !== key) continue;
      const at = arg[0];
      if (!t.digits[at]) break;
      const w = t.line.words[at]!;
      return this.text.slice(w.range.start.character, w.range.end.character);
    }
    return commandAt(t.line.command, level)?.args.string[key];
  }

  /** Plain data for JSON. */
  toJSON(): LineData {
    const c = this.command;
    return {
      kind: 'Line',
      line: 0,
      text: this.text,
      words: this.words,
      comment: this.comment,
      range: this.range,
      status: this.status,
      command: c instanceof ShapeCommand ? c.toJSON() : c,
      error: this.error,
      diagnostics: this.diagnostics,
    };
  }
}

/** A line's parts, undefined until built. */
interface LineParts {
  words: readonly Word[] | undefined;
  comment: Comment | null | undefined;
  command: Command | null | undefined;
}

/**
 * A command of a `ShapeLine`: what does not depend on the digits is the
 * template's; words, arguments and original text are made when first read.
 */
class ShapeCommand implements Command {
  private ownWords: readonly Word[] | undefined;
  private ownArgs: CommandArgs | undefined;
  private ownOriginal: string | undefined;
  private ownSub: Command | null | undefined;

  constructor(
    private readonly line: ShapeLine,
    /** The template's command this one is rebuilt from. */
    readonly base: Command,
    private readonly level: number,
  ) {}

  private get recipe(): CommandRecipe {
    return this.line.shape.template.recipes[this.level]!;
  }
  get kind(): 'Command' {
    return 'Command';
  }
  get handler(): HandlerSpec {
    return this.base.handler;
  }
  get handlerIndex(): number {
    return this.base.handlerIndex;
  }
  get pattern(): string {
    return this.base.pattern;
  }
  get patternIndex(): number {
    return this.base.patternIndex;
  }
  get items(): readonly PatternItem[] {
    return this.base.items;
  }
  get wordItems(): readonly number[] {
    return this.base.wordItems;
  }
  get apropos(): boolean {
    return this.base.apropos;
  }
  get range(): Range {
    return this.base.range;
  }
  get words(): readonly Word[] {
    return (this.ownWords ??= commandWords(this.base, this.recipe, this.line.words));
  }
  get args(): CommandArgs {
    return (this.ownArgs ??= commandArgs(this.base, this.recipe, this.line.words));
  }
  get original(): string {
    return (this.ownOriginal ??= commandOriginal(this.base, this.recipe, this.level, this.line.words, this.line.text));
  }
  get subcommand(): Command | null {
    if (this.ownSub === undefined) {
      // Templates hold no nested comment (template.ts): a nested command is a Command.
      const sub = this.base.subcommand as Command | null;
      this.ownSub = sub ? new ShapeCommand(this.line, sub, this.level + 1) : null;
    }
    return this.ownSub;
  }

  /** Plain data for JSON. */
  toJSON(): Command {
    const sub = this.subcommand;
    const plainSub = sub instanceof ShapeCommand ? sub.toJSON() : sub;
    return commandFrom(this.base, this.args, plainSub, this.original, this.words, this.range);
  }
}

/** Makes lines built when read, with the shape of each template worked out once. */
export class ShapeLines {
  private readonly shapes = new WeakMap<LineTemplate, Shape | null>();

  constructor(private readonly checks: ValueChecks) {}

  /**
   * The line of `text` (of the template's shape, at line 0, value checks on)
   * built when read, or undefined when the template's checks cannot be told
   * without building the line (an `.alias` definition is checked as a whole).
   */
  create(template: LineTemplate, text: string): Line | undefined {
    let shape = this.shapes.get(template);
    if (shape === undefined) this.shapes.set(template, (shape = this.createShape(template)));
    return shape ? new ShapeLine(shape, text) : undefined;
  }

  private createShape(t: LineTemplate): Shape | null {
    const line = t.line;
    const first = line.command;
    if (!first) return { template: t, slots: [], steps: [] };
    const steps: ShapeStep[] = [];
    for (let c: Command | null = first; c; c = subcommandOf(c)) {
      const role = c.handler.role;
      // Aliases change how the following lines compile (and their value check reads the
      // whole command): those lines are built in full.
      if (role === 'alias' || role === 'unalias') return null;
      steps.push({ handler: c.handler, nests: c.subcommand !== null });
    }
    const slots: CheckSlot[] = [];
    let alone = true;
    this.checks.forEachCheckedWord(first, (c, lvl, i, check) => {
      const word = t.recipes[lvl]!.firstWord + i;
      // A checker that reads its command's other arguments (a range's end reads its start) would
      // read the template's, which differ from the line's where their words hold digits: it is
      // run on the template's command only when no other word of that command holds one.
      if (!this.checks.readsValueOnly(check)) {
        const from = t.recipes[lvl]!.firstWord;
        for (let k = 0; k < c.words.length; k++) if (k !== i && t.digits[from + k]) alone = false;
      }
      if (t.digits[word]) slots.push({ word, check, index: i });
      else {
        const p = check(c.words[i]!.value, c, i);
        if (p) slots.push({ word, found: valueDiagnostic(p, c.words[i]!.range) });
      }
    });
    if (!alone) return null;
    // The same findings as checking the built line, in the same order, or no short cut.
    const same = samePlain(slotDiagnostics(t, slots, line.text), this.checks.check(first));
    return same ? { template: t, slots, steps } : null;
  }
}

function slotDiagnostics(t: LineTemplate, slots: readonly CheckSlot[], text: string): readonly Diagnostic[] {
  let out: Diagnostic[] | undefined;
  const words = t.line.words;
  const command = t.line.command!;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (s.found) {
      (out ??= []).push(s.found);
      continue;
    }
    const w = words[s.word]!;
    // The template's command: what a checker may read of it besides the value is the line's too (see createShape).
    const p = s.check!(text.slice(w.range.start.character, w.range.end.character), command, s.index!);
    if (p) (out ??= []).push(valueDiagnostic(p, w.range));
  }
  return out ?? NO_DIAGNOSTICS;
}
