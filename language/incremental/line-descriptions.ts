/**
 * `mm parse`'s JSON lines, made with as little as possible per line. What a
 * line says depends only on its text while no alias is defined, so each
 * text is described once. A text of a shape seen before gets its JSON from
 * the shape's recipe (json-recipe.ts), without a line being built: the
 * shapes with a template (template.ts), and the shapes of rejected lines
 * with one (rejected-template.ts). Such a text is remembered by its recipe,
 * and its JSON made again each time it is written: a script has thousands of
 * distinct texts, and their JSON kept as strings was carried through the
 * young generation into the old one, a copy or two of each that cost `mm
 * parse` more than making the short-lived strings again (100,000 realistic
 * lines: 40 ms less CPU, 12 ms less collection, in turns). The rest are
 * parsed as usual. From a line that defines an alias on, the lines are
 * parsed in order (parse.ts) and described per parsed line.
 */
import type { Line } from '../ast.js';
import { applyAliasCommands, changesAliases, EMPTY_ALIASES } from '../aliases.js';
import { parseLines } from '../parse.js';
import type { LineStore } from './line-store.js';
import { createJsonRecipe, createRejectedRecipe, lineJson, recipeJson, type JsonRecipe } from './json-recipe.js';
import type { RejectedTemplate } from './rejected-template.js';
import type { LineTemplate } from './template.js';

/** One line as `mm parse` prints it (its JSON, without the line end) and whether minicli accepts it. */
export interface DescribedLine {
  readonly json: string;
  readonly ok: boolean;
}

/** A text of a shape with a recipe: its JSON is made when read. */
class RecipeLine implements DescribedLine {
  constructor(
    private readonly recipe: JsonRecipe,
    private readonly text: string,
  ) {}
  get json(): string {
    return recipeJson(this.recipe, this.text);
  }
  get ok(): boolean {
    return this.recipe.ok;
  }
}

/** As many texts as the line store keeps lines; long lines are rare and would make it hold a lot of text. */
const CACHE_SIZE = 50_000;
const MAX_CACHED_TEXT = 4096;
/** JSON characters kept at most (32 to 64 MB): a file of long distinct lines makes long JSON (a recipe's texts keep none). */
const CACHE_CHARS = 32 * 1024 * 1024;

const isLine = (x: Line | LineTemplate): x is Line => (x as Line).kind === 'Line';

/** Described lines by text (no aliases) and by parsed line, and recipes by shape, over one line store. */
export class LineDescriptions {
  private readonly byText = new Map<string, DescribedLine>();
  private readonly byLine = new WeakMap<Line, DescribedLine>();
  private readonly recipes = new WeakMap<LineTemplate, JsonRecipe | null>();
  private readonly rejectedRecipes = new WeakMap<RejectedTemplate, JsonRecipe | null>();

  /** JSON characters in `byText`. */
  private chars = 0;

  constructor(private readonly store: LineStore) {}

  /** Forgets every text (benchmarks measure the cold path with it). */
  clear(): void {
    this.byText.clear();
    this.chars = 0;
  }

  private remember(text: string, d: DescribedLine): void {
    if (text.length > MAX_CACHED_TEXT) return;
    if (this.byText.size >= CACHE_SIZE || this.chars >= CACHE_CHARS) this.clear();
    this.byText.set(text, d);
    if (!(d instanceof RecipeLine)) this.chars += d.json.length;
  }

  /**
   * Consecutive lines described, `.alias` lines taking effect for the lines
   * after them (`aliases` is updated in place), as `parseLines` would parse them.
   */
  describe(texts: readonly string[], aliases: Map<string, string>): DescribedLine[] {
    const out = new Array<DescribedLine>(texts.length);
    const from = aliases.size === 0 ? this.describeUnaliased(texts, aliases, out) : 0;
    if (from < texts.length) {
      const lines = parseLines(this.store, from === 0 ? texts : texts.slice(from), aliases, { valueChecks: false, numbered: false });
      for (let k = 0; k < lines.length; k++) out[from + k] = this.ofLine(lines[k]!);
    }
    return out;
  }

  /**
   * Describes `texts` under no alias into `out`, up to the first line that
   * changes the aliases (which it applies); returns the index after it, or
   * `texts.length`.
   */
  private describeUnaliased(texts: readonly string[], aliases: Map<string, string>, out: DescribedLine[]): number {
    const byText = this.byText;
    // The texts not described yet, but for those of a rejected shape with a recipe.
    const missing: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      let d = byText.get(text);
      if (d === undefined && (d = this.fromRejectedShape(text)) !== undefined) this.remember(text, d);
      if (d === undefined) missing.push(i);
      else out[i] = d;
    }
    if (missing.length === 0) return texts.length;
    const missed = new Array<string>(missing.length);
    for (let k = 0; k < missing.length; k++) missed[k] = texts[missing[k]!]!;
    const plan = this.store.plan(missed, EMPTY_ALIASES, '', false);
    for (let k = 0; k < missed.length; k++) {
      const text = missed[k]!;
      const i = missing[k]!;
      // A text seen earlier in this batch, or of a rejected shape whose recipe it made.
      let d = byText.get(text) ?? this.fromRejectedShape(text);
      if (d === undefined) {
        const known = plan.known[k];
        const recipe = known === undefined || isLine(known) ? null : this.recipeOf(known);
        if (recipe !== null) d = new RecipeLine(recipe, text);
        else {
          let line: Line;
          if (known === undefined) line = this.store.line(text, 0, EMPTY_ALIASES, '', false, plan.lexed.get(text));
          else line = isLine(known) ? known : this.store.known(known, text, false, false);
          d = described(line);
          if (changesAliases(line)) {
            out[i] = d;
            applyAliasCommands(line.command!, aliases);
            return i + 1;
          }
        }
      }
      this.remember(text, d);
      out[i] = d;
    }
    return texts.length;
  }

  private recipeOf(t: LineTemplate): JsonRecipe | null {
    let r = this.recipes.get(t);
    if (r === undefined) this.recipes.set(t, (r = createJsonRecipe(t)));
    return r;
  }

  /** The description of `text` from the recipe of its rejected shape (the line store's rejected template), if there is one. */
  private fromRejectedShape(text: string): DescribedLine | undefined {
    const t = this.store.rejectedTemplateFor(text);
    if (t === null) return undefined;
    let r = this.rejectedRecipes.get(t);
    if (r === undefined) this.rejectedRecipes.set(t, (r = createRejectedRecipe(t.line, t.marked)));
    return r === null ? undefined : new RecipeLine(r, text);
  }

  /** Parsed lines are shared between the lines of one text (under one alias table): each is described once. */
  private ofLine(line: Line): DescribedLine {
    let d = this.byLine.get(line);
    if (d === undefined) this.byLine.set(line, (d = described(line)));
    return d;
  }
}

function described(line: Line): DescribedLine {
  return { json: lineJson(line), ok: line.status !== 'error' };
}
