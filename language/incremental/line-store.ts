/**
 * What a language service remembers of the lines it has parsed. What a line
 * means depends only on its text (and the aliases, when any are defined), so
 * each distinct text is lexed and matched once and moved to the line it
 * appears on (relocate.ts). Lines of a shape seen before (shape.ts) are
 * rebuilt from its template (template.ts), or built when read (shape-line.ts)
 * for editors, which read little of most lines; rejected lines of a shape
 * seen before, from its rejected template (rejected-template.ts). Scripts
 * repeat lines a lot; editors re-parse them often.
 */
import type { Line } from '../ast.js';
import { type LineBuilder, tooLongLine } from '../built-line.js';
import { exceedsLineLimit } from '../limits.js';
import type { Catalog } from '../catalog/index.js';
import { EMPTY_ALIASES, type AliasTable } from '../aliases.js';
import { lexLine, lexLines } from '../lexing/lex.js';
import type { LexedLine } from '../lexing/lexed-line.js';
import { relocateLine } from './relocate.js';
import { digitKeywords, sameShape, shapeKey } from './shape.js';
import { ShapeLines } from './shape-line.js';
import { createRejectedTemplate, instantiateRejected, type RejectedTemplate } from './rejected-template.js';
import { createTemplate, instantiate, type LineTemplate } from './template.js';

const LINE_CACHE_SIZE = 50_000;
/** Long lines are rare and would make the cache hold a lot of text. */
const MAX_CACHED_LINE = 4096;

/** What is known of each line before the walk, under the aliases in force at the start. */
export interface LinePlan {
  /** The line (at line 0) from the cache, or the template of its shape. */
  readonly known: (Line | LineTemplate | undefined)[];
  /** Texts lexed in one pass, for the lines known neither way. */
  readonly lexed: Map<string, LexedLine>;
}

const isLine = (x: Line | LineTemplate): x is Line => (x as Line).kind === 'Line';

function cacheKey(key: string, text: string): string {
  return key === '' ? text : `${key}\u0000${text}`;
}

/** Parsed lines by text, and templates by shape, for one builder. */
export class LineStore {
  /** Lines at line 0 by alias key and text: without value checks, with them. */
  private readonly lines = [new Map<string, Line>(), new Map<string, Line>()];
  /**
   * Templates by shape number, with the text they were made from (numbers
   * may collide); a null template: that shape has none.
   */
  private readonly templates = new Map<number, { readonly text: string; readonly template: LineTemplate | null }>();
  /**
   * The first rejected line of each shape without a template, and the
   * shape's rejected template once a second text of it comes (null: none).
   */
  private readonly rejected = new Map<number, { readonly line: Line; template: RejectedTemplate | null | undefined }>();
  /** Where a digit can decide a match, here or in the dialects rejected lines are tried in (made when first needed). */
  private rejectedGuards: RegExp[] | undefined;
  private readonly shapeLines: ShapeLines;
  private readonly digitKeywords: RegExp | null;

  constructor(
    readonly builder: LineBuilder,
    catalog: Catalog,
    /** The catalogs of the dialects a rejected line is also tried in (the builder's other dialects). */
    private readonly otherCatalogs: () => readonly Catalog[] = () => [],
  ) {
    this.shapeLines = new ShapeLines(builder.checks);
    this.digitKeywords = digitKeywords(catalog);
  }

  /** Forgets every line and template (benchmarks measure the cold path with it). */
  clear(): void {
    for (const c of this.lines) c.clear();
    this.templates.clear();
    this.rejected.clear();
  }

  /**
   * The line of `text` at line number `line` under `aliases` (`key` is
   * `aliasKey(aliases)`; `lexed`, the text already lexed). Lines are
   * immutable, so remembered ones are shared; only their ranges are rebuilt
   * for the line number.
   */
  line(text: string, line: number, aliases: AliasTable, key: string, valueChecks: boolean, lexed?: LexedLine): Line {
    // Long lines are rare and would make the store hold a lot of text; lines over the
    // limit are not even lexed (an editor re-parses the line on every keystroke).
    if (text.length > MAX_CACHED_LINE) {
      return exceedsLineLimit(text) ? tooLongLine(text, line) : this.builder.build(text, line, lexed ?? lexLine(text), aliases, valueChecks);
    }
    const cache = this.lines[valueChecks ? 1 : 0]!;
    const k = cacheKey(key, text);
    let l0 = cache.get(k);
    if (!l0) {
      const shape = key === '' ? shapeKey(text) : -1;
      l0 = shape < 0 ? this.builder.build(text, 0, lexed ?? lexLine(text), aliases, valueChecks) : this.lineOfShape(text, shape, valueChecks, lexed);
      remember(cache, k, l0);
    }
    return line === 0 ? l0 : relocateLine(l0, line);
  }

  /**
   * The line (at line 0) of a text the plan knows. When `lazy`, lines of a
   * known shape are built when first read (see shape-line.ts): an editor
   * opening a long document reads little of most lines, and `mm check` only
   * their problems. Such a line is remembered as a built one is, so a text
   * that repeats is one object, read once.
   */
  known(known: Line | LineTemplate, text: string, valueChecks: boolean, lazy: boolean): Line {
    if (isLine(known)) return known;
    // The plan looked every line up before any was made: a text that repeats in one call was
    // made (and remembered) at its first line.
    const cache = this.lines[valueChecks ? 1 : 0]!;
    const made = cache.get(text);
    if (made) return made;
    const shaped = lazy && valueChecks ? this.shapeLines.create(known, text) : undefined;
    const l0 = shaped ?? instantiate(known, text, valueChecks ? this.builder.checks : null);
    remember(cache, text, l0);
    return l0;
  }

  /**
   * Looks every line up once, and lexes in one pass the distinct texts that
   * are not known (lexing does not depend on aliases; lines after an alias
   * change are looked up again and, when missing, lexed on their own). The
   * first line of each shape not seen yet is parsed first, so that the other
   * lines of that shape come from its template or, when it cannot be one,
   * are lexed in the same pass as the rest.
   */
  plan(texts: readonly string[], aliases: AliasTable, key: string, valueChecks: boolean): LinePlan {
    const cache = this.lines[valueChecks ? 1 : 0]!;
    const known = new Array<Line | LineTemplate | undefined>(texts.length);
    const missing = new Set<string>();
    // The first line of each shape without a template yet, by shape number.
    const newShapes = new Map<number, string>();
    // The shape number of each later line of those shapes, else -1 (typed: no growth, no boxing).
    const pending = new Int32Array(texts.length).fill(-1);
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      if (t.length > MAX_CACHED_LINE) continue;
      const hit = cache.get(cacheKey(key, t));
      if (hit) {
        known[i] = hit;
        continue;
      }
      const shape = key === '' ? shapeKey(t) : -1;
      const template = shape < 0 ? null : this.templateOf(t, shape);
      if (template) known[i] = template;
      else if (template === undefined) {
        const first = newShapes.get(shape);
        if (first === undefined) newShapes.set(shape, t);
        else if (first !== t) pending[i] = shape;
      } else if (shape < 0 || this.rejectedTemplateOf(t, shape) === null) missing.add(t);
    }
    if (newShapes.size > 0) {
      const first = [...newShapes.values()];
      const lexed = lexLines(first);
      for (let i = 0; i < first.length; i++) this.line(first[i]!, 0, aliases, key, valueChecks, lexed[i]);
      for (let i = 0; i < texts.length; i++) {
        const shape = pending[i]!;
        if (shape < 0) continue;
        const template = this.templateOf(texts[i]!, shape);
        if (template) known[i] = template;
        else if (template === undefined || this.rejectedTemplateOf(texts[i]!, shape) === null) missing.add(texts[i]!);
      }
    }
    const distinct = [...missing];
    const lexed = lexLines(distinct);
    const out = new Map<string, LexedLine>();
    for (let i = 0; i < distinct.length; i++) out.set(distinct[i]!, lexed[i]!);
    return { known, lexed: out };
  }

  /**
   * The line of `text` (no aliases, no value checks, line 0) from the
   * template of its shape (made from it when the shape is new); undefined
   * when the text has no shape or its shape no template. Front ends that
   * run generated scripts see many distinct lines of few shapes.
   */
  lineFromShape(text: string): Line | undefined {
    const shape = text.length > MAX_CACHED_LINE ? -1 : shapeKey(text);
    // Only accepted lines: a rejected one is compiled in full (its result is no line's).
    return shape < 0 || this.templateOf(text, shape) === null ? undefined : this.lineOfShape(text, shape, false);
  }

  /** The template of the text's shape, null when that shape has none, undefined when it has not been seen. */
  private templateOf(text: string, shape: number): LineTemplate | null | undefined {
    const entry = this.templates.get(shape);
    if (!entry) return undefined;
    // Another shape with the same number: the line is parsed on its own.
    return sameShape(entry.text, text) ? entry.template : null;
  }

  /**
   * The line of `text` (no aliases, line 0) rebuilt from the template of
   * `shape`, or built from the text and made the template when the shape is
   * new; for a shape with no template, from its rejected template when it
   * has one, else built.
   */
  private lineOfShape(text: string, shape: number, valueChecks: boolean, lexed?: LexedLine): Line {
    const template = this.templateOf(text, shape);
    if (template) return instantiate(template, text, valueChecks ? this.builder.checks : null);
    if (template === null) return this.lineOfRejectedShape(text, shape, valueChecks, lexed);
    const l0 = this.builder.build(text, 0, lexed ?? lexLine(text), EMPTY_ALIASES, valueChecks);
    if (this.templates.size >= LINE_CACHE_SIZE) this.templates.clear();
    this.templates.set(shape, { text, template: createTemplate(l0, this.digitKeywords) });
    if (l0.status === 'error') this.noteRejected(shape, l0);
    return l0;
  }

  /**
   * For a shape with no template: the line of `text` from the shape's
   * rejected template, else built (and kept as the shape's first rejected
   * line when it is one). Rejected lines have no value checks to run.
   */
  private lineOfRejectedShape(text: string, shape: number, valueChecks: boolean, lexed?: LexedLine): Line {
    const template = this.rejectedTemplateOf(text, shape);
    if (template) return instantiateRejected(template, text);
    const l0 = this.builder.build(text, 0, lexed ?? lexLine(text), EMPTY_ALIASES, valueChecks);
    if (l0.status === 'error') this.noteRejected(shape, l0);
    return l0;
  }

  /** Keeps the first rejected line of a shape. */
  private noteRejected(shape: number, line: Line): void {
    if (this.rejected.has(shape)) return;
    if (this.rejected.size >= LINE_CACHE_SIZE) this.rejected.clear();
    this.rejected.set(shape, { line, template: undefined });
  }

  /** The rejected template of the text's shape (see below), for a text with no aliases. */
  rejectedTemplateFor(text: string): RejectedTemplate | null {
    if (this.rejected.size === 0 || text.length > MAX_CACHED_LINE) return null;
    const shape = shapeKey(text);
    return shape < 0 ? null : this.rejectedTemplateOf(text, shape);
  }

  /**
   * The rejected template of the text's shape (made when a second text of
   * it comes); null when there is none (or no rejected line of it was seen).
   * The plan lexes no text that has one: its line is made without lexing.
   */
  private rejectedTemplateOf(text: string, shape: number): RejectedTemplate | null {
    const seen = this.rejected.get(shape);
    if (seen === undefined || seen.line.text === text || !sameShape(seen.line.text, text)) return null;
    if (seen.template === undefined) seen.template = this.rejectedTemplate(seen.line);
    return seen.template;
  }

  private rejectedTemplate(line: Line): RejectedTemplate | null {
    this.rejectedGuards ??= [this.digitKeywords, ...this.otherCatalogs().map(digitKeywords)].filter((g) => g !== null);
    return createRejectedTemplate(line, this.rejectedGuards, (marked) => this.builder.build(marked, 0, lexLine(marked), EMPTY_ALIASES, false));
  }
}

function remember(cache: Map<string, Line>, key: string, line: Line): void {
  if (cache.size >= LINE_CACHE_SIZE) cache.clear();
  cache.set(key, line);
}
