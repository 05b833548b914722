/**
 * Generates the TextMate grammar `minimega.tmLanguage.json` from the command
 * catalog, so that command words and keyword choices are never typed by hand
 * and cannot drift from what the matcher accepts. Run through
 * `scripts/gen-grammar.mjs` (`npm run grammar`); a test checks that the
 * committed file equals a fresh generation.
 */
import { compiledHandlers, type CompiledHandler, type PatternItem } from '../language/index.js';

/** The grammar's top-level scope. */
export const SCOPE_NAME = 'source.minimega';

/** A TextMate rule: the subset of the format this grammar uses. */
export interface GrammarRule {
  readonly name?: string;
  readonly comment?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Readonly<Record<string, Capture>>;
  readonly beginCaptures?: Readonly<Record<string, Capture>>;
  readonly endCaptures?: Readonly<Record<string, Capture>>;
  readonly patterns?: readonly GrammarRule[];
  readonly include?: string;
}

/** A capture: a scope name, or rules that tokenize the captured text again. */
export interface Capture {
  readonly name?: string;
  readonly patterns?: readonly GrammarRule[];
}

/** The whole grammar document. */
export interface Grammar {
  readonly $schema: string;
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly comment: string;
  readonly patterns: readonly GrammarRule[];
  readonly repository: Readonly<Record<string, GrammarRule>>;
}

/** One command head (the literal words a pattern starts with) and what may follow it. */
export interface Head {
  /** Literal words, e.g. `['vm', 'config', 'memory']`. */
  readonly words: readonly string[];
  /** Choice options and later literal words of the patterns with exactly this head. */
  readonly keywords: Set<string>;
  /**
   * Items between the head and a nested `(command)` item, one entry per
   * pattern that nests a command (`namespace <name> (command)`).
   */
  readonly prefixes: PatternItem[][];
}

// Oniguruma's `\s` is Unicode White_Space, the same set as Go's unicode.IsSpace
// that minicli splits words on (see language/text.ts).
const SPACE = '\\s';
// A word ends at white space, at a comment or at the end of the line.
const WORD_END = `(?=${SPACE}|#|$)`;
// A word starts after white space or at the start of the line.
const WORD_START = '(?<!\\S)';
// One argument word as minicli lexes it (quoted parts, escapes, bare text), one character per
// bare step (no nested `+`), so that a failing look-ahead cannot backtrack exponentially.
const ARG = `(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|\\\\.|[^\\s#"'\\\\])+`;
const BOOLEANS = new Set(['true', 'false']);

/** Escapes a literal for an Oniguruma regular expression. */
function re(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Longest first, so that `vm config memory` wins over `vm config`. */
function byLengthDesc(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Collects every command head of the catalog with its keywords and nested-command prefixes. */
export function collectHeads(handlers: readonly CompiledHandler[] = compiledHandlers): Map<string, Head> {
  const heads = new Map<string, Head>();
  const headFor = (words: readonly string[]): Head => {
    const key = words.join(' ');
    let h = heads.get(key);
    if (!h) {
      h = { words, keywords: new Set(), prefixes: [] };
      heads.set(key, h);
    }
    return h;
  };
  for (const handler of handlers) {
    for (const pattern of handler.patterns) {
      let n = 0;
      while (n < pattern.items.length && pattern.items[n]!.type === 'literal') n++;
      const words = pattern.items.slice(0, n).map((it) => it.text);
      if (words.length === 0) continue;
      // Every shorter prefix is a head too: `vm` alone starts a command line.
      for (let i = 1; i < words.length; i++) headFor(words.slice(0, i));
      const head = headFor(words);
      const rest = pattern.items.slice(n);
      const nested = rest.findIndex((it) => it.type === 'command');
      if (nested >= 0) head.prefixes.push(rest.slice(0, nested));
      for (const it of rest) {
        if (it.type === 'literal') head.keywords.add(it.text);
        if (it.type === 'choice') for (const o of it.options) if (o !== '') head.keywords.add(o);
      }
    }
  }
  return heads;
}

function headRegex(words: readonly string[]): string {
  return words.map(re).join(`${SPACE}+`);
}

function isBuiltin(words: readonly string[]): boolean {
  return words[0]!.startsWith('.');
}

function headScope(words: readonly string[]): string {
  return isBuiltin(words) ? 'support.function.builtin.minimega' : 'keyword.other.command.minimega';
}

/** The rule that scopes one keyword set (choice options and sub-literals) after a head. */
function keywordRule(keywords: readonly string[]): GrammarRule[] {
  const rules: GrammarRule[] = [];
  const bools = keywords.filter((k) => BOOLEANS.has(k));
  const others = keywords.filter((k) => !BOOLEANS.has(k)).sort(byLengthDesc);
  if (bools.length) {
    rules.push({ match: `${WORD_START}(?:${bools.map(re).join('|')})${WORD_END}`, name: 'constant.language.boolean.minimega' });
  }
  if (others.length) {
    rules.push({ match: `${WORD_START}(?:${others.map(re).join('|')})${WORD_END}`, name: 'keyword.other.choice.minimega' });
  }
  return rules;
}

/** The regex for the items of a nested-command prefix, capture groups numbered from `first`. */
function prefixItems(items: readonly PatternItem[], first: number): { source: string; captures: Record<string, Capture> } {
  let source = '';
  const captures: Record<string, Capture> = {};
  let group = first;
  for (const it of items) {
    if (it.type === 'literal') {
      source += `${SPACE}+(${re(it.text)})`;
      captures[String(group++)] = { name: 'keyword.other.choice.minimega' };
    } else if (it.type === 'choice') {
      const options = it.options.filter((o) => o !== '');
      const bool = options.every((o) => BOOLEANS.has(o));
      source += `${SPACE}+(${options.map(re).join('|')})`;
      captures[String(group++)] = { name: bool ? 'constant.language.boolean.minimega' : 'keyword.other.choice.minimega' };
    } else {
      // A string argument: its quotes, escapes and ranges scoped as anywhere else.
      source += `${SPACE}+(${ARG})`;
      captures[String(group++)] = { patterns: [{ include: '#arguments' }] };
    }
  }
  return { source, captures };
}

/** Builds the grammar document from the catalog. */
export function generateGrammar(handlers: readonly CompiledHandler[] = compiledHandlers): Grammar {
  const heads = [...collectHeads(handlers).values()];
  // Heads that share a keyword set share one rule, which keeps the grammar small.
  const groups = new Map<string, { heads: Head[]; keywords: string[] }>();
  for (const h of heads) {
    const keywords = [...h.keywords].sort();
    const key = `${isBuiltin(h.words) ? 'b' : 'c'}:${keywords.join(' ')}`;
    const g = groups.get(key);
    if (g) g.heads.push(h);
    else groups.set(key, { heads: [h], keywords });
  }

  const prefixRules: GrammarRule[] = [];
  for (const h of heads) {
    // One rule per distinct prefix shape; `(?=...)` demands a nested command after it.
    const seen = new Set<string>();
    for (const items of h.prefixes) {
      const { source, captures } = prefixItems(items, 2);
      if (seen.has(source)) continue;
      seen.add(source);
      prefixRules.push({
        comment: `${h.words.join(' ')} ... (command): the rest of the line is a nested command`,
        begin: `(?:^|\\G)${SPACE}*(${headRegex(h.words)})${source}(?=${SPACE}+[^\\s#])`,
        beginCaptures: { '1': { name: headScope(h.words) }, ...captures },
        end: '$',
        name: 'meta.command.prefix.minimega',
        patterns: [{ include: '#command' }, { include: '#arguments' }],
      });
    }
  }
  prefixRules.sort((a, b) => byLengthDesc(a.begin!, b.begin!));

  const headRules: GrammarRule[] = [...groups.values()].map((g) => {
    const alternatives = g.heads.map((h) => headAlternative(h, heads)).sort(byLengthDesc);
    return {
      comment: `heads: ${g.heads
        .map((h) => h.words.join(' '))
        .sort()
        .join(', ')}`,
      begin: `(?:^|\\G)${SPACE}*(${alternatives.join('|')})${WORD_END}`,
      beginCaptures: { '1': { name: headScope(g.heads[0]!.words) } },
      end: '$',
      name: 'meta.command.minimega',
      patterns: [...keywordRule(g.keywords), { include: '#arguments' }],
    };
  });
  headRules.sort((a, b) => (a.comment! < b.comment! ? -1 : 1));

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'minimega',
    scopeName: SCOPE_NAME,
    fileTypes: ['mm'],
    comment: 'GENERATED by scripts/gen-grammar.mjs from language/catalog (grammars/generate.ts); do not edit by hand.',
    patterns: [{ include: '#command' }, { include: '#arguments' }],
    repository: {
      command: {
        comment: 'A command at command position: line start, or right after a prefix that nests one.',
        patterns: [...prefixRules, ...headRules],
      },
      arguments: {
        patterns: [
          { include: '#comment' },
          { include: '#string-double' },
          { include: '#string-single' },
          { include: '#escape' },
          { include: '#variable' },
          { include: '#vlan-reference' },
          { include: '#range' },
          { include: '#number' },
        ],
      },
      comment: {
        comment: '`#` outside quotes ends the command: the rest of the line is a comment.',
        match: '(#).*$',
        name: 'comment.line.number-sign.minimega',
        captures: { '1': { name: 'punctuation.definition.comment.minimega' } },
      },
      'string-double': quotedString('"', 'double'),
      'string-single': quotedString("'", 'single'),
      'string-escape': {
        patterns: [{ include: '#escape' }],
      },
      escape: {
        comment: 'minicli unescapes \\n \\r \\t \\\\ \\" \\\' \\# inside and outside quotes; any other is an error.',
        patterns: [
          { match: '\\\\[nrt\\\\"\'#]', name: 'constant.character.escape.minimega' },
          { match: '\\\\.', name: 'invalid.illegal.escape.minimega' },
          { match: '\\\\$', name: 'invalid.illegal.escape.minimega' },
        ],
      },
      variable: {
        patterns: [
          {
            match: '(\\$\\{)([A-Za-z_][A-Za-z0-9_]*)(\\})',
            name: 'variable.other.minimega',
            captures: {
              '1': { name: 'punctuation.definition.variable.begin.minimega' },
              '3': { name: 'punctuation.definition.variable.end.minimega' },
            },
          },
          {
            match: '(\\$)[A-Za-z_][A-Za-z0-9_]*',
            name: 'variable.other.minimega',
            captures: { '1': { name: 'punctuation.definition.variable.minimega' } },
          },
        ],
      },
      'vlan-reference': {
        comment: 'namespace//alias names a VLAN alias of another namespace (vm config net ns//dmz).',
        match: '([^\\s,#"\'/:\\\\=]+)(//)([^\\s,#"\'/\\\\]+)',
        name: 'meta.vlan-reference.minimega',
        captures: {
          '1': { name: 'entity.name.namespace.minimega' },
          '2': { name: 'punctuation.separator.namespace.minimega' },
          '3': { name: 'variable.other.vlan-alias.minimega' },
        },
      },
      range: {
        comment: 'A name range expanded by minimega: web[1-4], node[01-10,12].',
        match: '([^\\s\\[\\],#"\'\\\\$]*)(\\[)([0-9]+(?:-[0-9]+)?(?:,[0-9]+(?:-[0-9]+)?)*)(\\])',
        name: 'meta.range.minimega',
        captures: {
          '1': { name: 'entity.name.range-prefix.minimega' },
          '2': { name: 'punctuation.section.range.begin.minimega' },
          '3': { name: 'constant.numeric.range.minimega' },
          '4': { name: 'punctuation.section.range.end.minimega' },
        },
      },
      number: {
        patterns: [
          {
            comment: 'Go durations (30s, 1h30m, 500ms).',
            match: `${WORD_START}[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|s|m|h)(?:[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))*${WORD_END}`,
            name: 'constant.numeric.duration.minimega',
          },
          {
            match: `${WORD_START}[+-]?[0-9]+(?:\\.[0-9]+)?${WORD_END}`,
            name: 'constant.numeric.minimega',
          },
        ],
      },
    },
  };
}

/**
 * A head's regex, refusing to match where a longer head goes on (`vm` is not the
 * head of `vm config memory 2048`), so that at most one head rule matches a line
 * and the order of the rules does not matter.
 */
function headAlternative(head: Head, all: readonly Head[]): string {
  const next = new Set<string>();
  for (const other of all) {
    if (other.words.length !== head.words.length + 1) continue;
    if (head.words.every((w, i) => other.words[i] === w)) next.add(other.words[head.words.length]!);
  }
  const base = headRegex(head.words);
  if (next.size === 0) return base;
  return `${base}(?!${SPACE}+(?:${[...next].sort(byLengthDesc).map(re).join('|')})${WORD_END})`;
}

/** The grammar as the committed file's text (stable key order, trailing newline). */
export function renderGrammar(handlers: readonly CompiledHandler[] = compiledHandlers): string {
  return JSON.stringify(generateGrammar(handlers), null, 2) + '\n';
}

/**
 * A string in quotes `q`: closed on its line (escapes and variables inside),
 * or, with no closing quote on the line, marked unterminated to its end.
 */
function quotedString(q: '"' | "'", kind: 'double' | 'single'): GrammarRule {
  const quote = (where: 'begin' | 'end'): Readonly<Record<string, Capture>> => ({ '0': { name: `punctuation.definition.string.${where}.minimega` } });
  return {
    patterns: [
      {
        begin: `${q}(?=(?:[^${q}\\\\]|\\\\.)*${q})`,
        beginCaptures: quote('begin'),
        end: q,
        endCaptures: quote('end'),
        name: `string.quoted.${kind}.minimega`,
        patterns: [{ include: '#string-escape' }, { include: '#variable' }],
      },
      {
        comment: 'No closing quote on this line: minicli reports "missing terminal".',
        begin: q,
        beginCaptures: quote('begin'),
        end: '$',
        name: `string.quoted.${kind}.minimega invalid.illegal.unterminated-string.minimega`,
        patterns: [{ include: '#string-escape' }],
      },
    ],
  };
}
