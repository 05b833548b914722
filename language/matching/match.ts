/**
 * minimega 2.3's matcher (minicli's closest match) over one catalog. One
 * walk decides: the first handler whose pattern matches exactly wins; one
 * abbreviated (apropos) match wins when no other handler matches; a second
 * one makes the line ambiguous; a handler's first matching pattern is its
 * answer. The walk runs over the patterns the trie leaves for the line's
 * words, building nothing for patterns that fail. When it finds nothing, the
 * same walk runs again in its explaining mode over every pattern of the
 * handlers the first word could start, noting where each pattern failed and
 * what it expected there (explain.ts turns that into the hint). Both passes
 * share one record of the nested commands compiled, so a line nested many
 * levels deep is compiled once per level.
 */
import { wordsSpan, type Command, type CommentCommand, type Word } from '../ast.js';
import type { Catalog, CompiledPattern } from '../catalog/index.js';
import { EMPTY_ALIASES } from '../aliases.js';
import type { AliasTable, CompileResult, NestedCompiler } from '../compile-result.js';
import type { Range } from '../positions.js';
import { CommandBuilder, uniqueOption } from './build.js';
import { CandidateTrie, type Candidate } from './candidates.js';
import { ExplainCandidates, explainAmbiguous, explainNoMatch, itemLabel, noteFailure, startProgress, unexplainedNoMatch, type Progress } from './explain.js';

const END_OF_COMMAND: readonly string[] = ['end of command'];

/** One catalog's matcher, with what it learns as lines come (its trie, shared word indexes). */
export class Matcher {
  private readonly trie: CandidateTrie;
  private readonly explaining: ExplainCandidates;
  readonly commands = new CommandBuilder();
  /**
   * One search per nesting depth, reused: a match at depth d only nests
   * into depth d + 1, and runs to its end before another match at depth d
   * starts. (Reused, the searches' object layout also outlives a full
   * collection, and with it the optimised code of the walk.)
   */
  private readonly runs: MatchRun[] = [];

  /** `explain`: false when a line that matches nothing needs no explanation (see `CompilerOptions`). */
  constructor(
    readonly catalog: Catalog,
    private readonly explain = true,
  ) {
    this.trie = new CandidateTrie(catalog);
    this.explaining = new ExplainCandidates(catalog, this.trie.all);
  }

  /**
   * The command `words` (of `text`, at nesting `depth`) match, else why
   * none does; `whole` is the range of the whole text (where missing words
   * are reported; the words' span when not given), `nested` compiles what a
   * `(command)` item takes.
   */
  match(text: string, words: Word[], line: number, aliases: AliasTable, depth: number, nested: NestedCompiler, whole?: Range): CompileResult {
    const run = (this.runs[depth] ??= new MatchRun(this.commands));
    run.start(text, words, line, aliases, depth, nested);
    try {
      let command = run.walk(this.trie.candidates(words));
      if (command) return { kind: 'command', command };
      const at = whole ?? wordsSpan(words, line);
      if (run.ambiguous) return explainAmbiguous(text, words, at, run.ambiguous[0], run.ambiguous[1]);
      const candidates = this.explaining.of(words[0]?.value ?? '');
      const progress = this.explain ? (run.progress = startProgress()) : undefined;
      // The explaining pass finds no command either (it walks the same patterns and more, in
      // the same order), but should one be found, it is the answer: it runs, noting nothing,
      // even when no explanation is wanted.
      command = run.walk(candidates);
      if (command) return { kind: 'command', command };
      if (!progress) return unexplainedNoMatch(text, words, at);
      return explainNoMatch(text, words, at, candidates.length, progress, this.explaining.firstWords);
    } finally {
      run.finish();
    }
  }
}

/** The search of the catalog for one text's words (at one depth: see `Matcher.runs`). */
class MatchRun {
  private text = '';
  private words: Word[] = [];
  private line = 0;
  private aliases: AliasTable = EMPTY_ALIASES;
  private depth = 0;
  private nested: NestedCompiler | undefined = undefined;
  /** Nested compilations by the index of the `(command)` item, for every pattern and both passes. */
  private nestedAt: Map<number, CompileResult> | undefined = undefined;
  /** Set in the explaining pass: where patterns failed, and what they expected there. */
  progress: Progress | undefined = undefined;
  /** The two commands an abbreviation fits, when the walk found that. */
  ambiguous: [Command, Command] | undefined = undefined;

  constructor(private readonly commands: CommandBuilder) {}

  /** Starts the search for `words` (of `text`, at nesting `depth`). */
  start(text: string, words: Word[], line: number, aliases: AliasTable, depth: number, nested: NestedCompiler): void {
    this.text = text;
    this.words = words;
    this.line = line;
    this.aliases = aliases;
    this.depth = depth;
    this.nested = nested;
  }

  /** Lets go of what the search found (its words are let go by the next one). */
  finish(): void {
    this.nestedAt = undefined;
    this.progress = undefined;
    this.ambiguous = undefined;
  }

  /** The command `candidates` (in catalog order) give the words, by minicli's rules. */
  walk(candidates: readonly Candidate[]): Command | undefined {
    const words = this.words;
    let remembered: Command | undefined;
    let rememberedHandler: Candidate['handler'] | undefined;
    // Indexed loops: this code mostly runs before the JIT has optimised it, and
    // the interpreter iterates arrays faster by index than with for-of.
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      // A handler's first matching pattern is its answer.
      if (c.handler === rememberedHandler) continue;
      const end = this.matchEnd(c.pattern);
      if (end < 0) continue;
      let sub: Command | CommentCommand | null = null;
      if (end < words.length && c.pattern.items[end]!.type === 'command') {
        const r = this.compileNested(end);
        if (r.kind === 'command') sub = r.command;
        else if (r.kind === 'comment') sub = { kind: 'CommentCommand', original: r.original, range: r.range };
        else if (r.kind !== 'empty') {
          if (this.progress) noteFailure(this.progress, end + (r.kind === 'noMatch' ? r.wordIndex : 0), r.kind === 'noMatch' ? (r.expected ?? []) : []);
          continue;
        }
      }
      const cmd = this.commands.build(c.handler, c.pattern, this.text, words, end, sub);
      if (!cmd.apropos) return cmd;
      if (remembered) {
        this.ambiguous = [remembered, cmd];
        return undefined;
      }
      remembered = cmd;
      rememberedHandler = c.handler;
    }
    return remembered;
  }

  /** What the `(command)` item at word `end` takes, compiled once per run. */
  private compileNested(end: number): CompileResult {
    const cache = (this.nestedAt ??= new Map());
    let r = cache.get(end);
    if (!r) cache.set(end, (r = this.nested!(this.words.slice(end), this.line, this.aliases, this.depth + 1)));
    return r;
  }

  /**
   * Checks the words against a pattern without building anything. Returns -1
   * when they do not match (noting why in the explaining pass); else the
   * number of words matched by items before a `(command)` or list item that
   * takes the rest (words.length when none does).
   */
  private matchEnd(p: CompiledPattern): number {
    const items = p.items;
    const words = this.words;
    const n = words.length;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      // Missing words: an optional item ends the pattern early (minicli does not look further).
      if (i >= n) {
        if (item.optional) return n;
        if (this.progress) noteFailure(this.progress, n, [itemLabel(item)]);
        return -1;
      }
      const type = item.type;
      if (type === 'literal') {
        if (!item.text.startsWith(words[i]!.value)) {
          if (this.progress) noteFailure(this.progress, i, [item.text]);
          return -1;
        }
      } else if (type === 'choice') {
        const w = words[i]!.value;
        if (uniqueOption(item.options, w) === undefined) {
          if (this.progress) noteFailure(this.progress, i, optionsFitting(item.options, w));
          return -1;
        }
      } else if (type !== 'string') return i;
    }
    if (n > items.length) {
      if (this.progress) noteFailure(this.progress, items.length, END_OF_COMMAND);
      return -1;
    }
    return n;
  }
}

/** The options a word fits when it fits not exactly one: all of them when it fits none. */
function optionsFitting(options: readonly string[], w: string): readonly string[] {
  const fitting = options.filter((o) => o.startsWith(w));
  return fitting.length === 0 ? options : fitting;
}
