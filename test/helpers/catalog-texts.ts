/**
 * Checks shared by the catalog suites of every dialect: the argument keys a
 * handler's patterns use, its user-facing texts, and the words from
 * minimega's Go sources that must not leak into them.
 */
import type { HandlerSpec } from '../../language/catalog/types.js';
import { compilePattern } from '../../language/patterns.js';

/** Words from minimega's Go sources that must not leak into user texts. */
export const GO_INTERNALS = [
  'BoolArgs',
  'StringArgs',
  'ListArgs',
  'CLIFunc',
  'wrapSimpleCLI',
  'wrapBroadcastCLI',
  'wrapVMTargetCLI',
  'ranges.SplitList',
  'minicli.Compile',
  'ProcessCommand',
  'cliVmConfigField',
  'VMConfigFns',
  'checkPath',
  'globalVMs',
  'namespaceCommands',
  'runCommands',
  'SetNamespace',
  'vmconfiger',
];

interface Keys {
  /** String, list and command keys, and options of multi-option choices: need an args entry. */
  readonly required: Set<string>;
  /** Options of single-option choices: keywords, an entry is optional. */
  readonly keywords: Set<string>;
}

/** The argument keys of a handler's patterns. */
function patternKeys(spec: HandlerSpec): Keys {
  const required = new Set<string>();
  const keywords = new Set<string>();
  for (const p of spec.patterns) {
    const r = compilePattern(p);
    if (!r.ok) throw new Error(`${spec.id}: ${r.error}`);
    for (const item of r.items) {
      if (item.type === 'string' || item.type === 'list' || item.type === 'command') required.add(item.key);
      else if (item.type === 'choice') {
        if (item.options.length > 1) for (const o of item.options) required.add(o);
        else keywords.add(item.options[0]!);
      }
    }
  }
  return { required, keywords };
}

/** Every user-facing text of a handler, labelled for error messages. */
export function texts(spec: HandlerSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [
    [`${spec.id} summary`, spec.summary],
    [`${spec.id} doc`, spec.doc],
  ];
  for (const [k, a] of Object.entries(spec.args)) {
    out.push([`${spec.id} args.${k}.summary`, a.summary]);
    if (a.doc !== undefined) out.push([`${spec.id} args.${k}.doc`, a.doc]);
  }
  (spec.quirks ?? []).forEach((q, i) => {
    out.push([`${spec.id} quirks[${i}]`, q]);
  });
  if (spec.since23) out.push([`${spec.id} since23.note`, spec.since23.note]);
  return out;
}

/** Removes code spans (any number of backticks) from one line of text. */
export function withoutCode(line: string): string {
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, '');
}

/** The Go-internal words found in a handler's texts, as `where: word`. */
export function goLeaks(list: readonly HandlerSpec[]): string[] {
  const leaks: string[] = [];
  for (const h of list) {
    for (const [where, text] of texts(h)) {
      for (const word of GO_INTERNALS) if (text.includes(word)) leaks.push(`${where}: ${word}`);
    }
  }
  return leaks;
}

/** Required keys without a summary and doc, and args entries no pattern uses. */
export function argProblems(list: readonly HandlerSpec[]): { missing: string[]; stale: string[] } {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const h of list) {
    const { required, keywords } = patternKeys(h);
    for (const k of required) {
      const a = h.args[k];
      if (!a || a.summary.trim() === '') missing.push(`${h.id}: ${k}`);
      else if (!a.doc || a.doc.trim() === '') missing.push(`${h.id}: ${k} (doc)`);
    }
    for (const k of Object.keys(h.args)) if (!required.has(k) && !keywords.has(k)) stale.push(`${h.id}: ${k}`);
  }
  return { missing, stale };
}

/**
 * Layout problems of the docs: no example block, no namespace paragraph, an
 * example right after a list, heading or table lines, unbalanced backticks,
 * `<...>` outside code.
 */
export function layoutProblems(list: readonly HandlerSpec[]): string[] {
  const problems: string[] = [];
  for (const h of list) {
    const paragraphs = h.doc.split('\n\n');
    if (!paragraphs.some((p) => p.startsWith('    '))) problems.push(`${h.id}: no example block`);
    if (!/Namespaces: /.test(h.doc)) problems.push(`${h.id}: no namespace paragraph`);
    paragraphs.forEach((p, i) => {
      // An indented block right after a list item would render as part of the list.
      if (p.startsWith('    ') && paragraphs[i - 1]?.startsWith('- ')) problems.push(`${h.id}: example after a list`);
    });
    for (const [where, text] of texts(h)) {
      for (const line of text.split('\n')) {
        if (line.startsWith('    ')) continue;
        if (/^\s*(#|\|)/.test(line)) problems.push(`${where}: heading or table line: ${line}`);
        const prose = withoutCode(line);
        if (prose.includes('`')) problems.push(`${where}: unbalanced backticks: ${line}`);
        if (/<[A-Za-z/]/.test(prose)) problems.push(`${where}: <...> outside backticks: ${line}`);
      }
    }
  }
  return problems;
}

/** The lines of a doc's example blocks, without their indentation. */
export function exampleBlocks(doc: string): string[] {
  return doc
    .split('\n\n')
    .filter((p) => p.startsWith('    '))
    .map((block) =>
      block
        .split('\n')
        .map((l) => l.slice(4))
        .join('\n'),
    );
}

/** Summaries that are not one short line without a final period (handlers and arguments). */
export function summaryProblems(list: readonly HandlerSpec[]): string[] {
  const problems: string[] = [];
  const check = (where: string, s: string, max: number): void => {
    if (s.trim() === '' || s.includes('\n') || s.endsWith('.') || s.length > max) problems.push(`${where}: ${s}`);
  };
  for (const h of list) {
    check(h.id, h.summary, 100);
    if (h.doc.length <= h.summary.length) problems.push(`${h.id}: doc not longer than the summary`);
    for (const [k, a] of Object.entries(h.args)) check(`${h.id} ${k}`, a.summary, Infinity);
  }
  return problems;
}

/** A handler of a research catalog (`../shared/spec/catalog-*.json`). */
export interface ResearchHandler {
  readonly order: number;
  readonly group: string;
  readonly name: string;
  readonly category: string;
  readonly patterns: readonly string[];
  readonly summary: string;
  readonly valueHints?: Readonly<Record<string, string>>;
}

/** The research handlers in order with the ids our catalogs give them: the name, `#2`, `#3` for repeats. */
export function withIds<T extends ResearchHandler>(list: readonly T[]): Array<T & { readonly id: string }> {
  const seen = new Map<string, number>();
  return [...list]
    .sort((a, b) => a.order - b.order)
    .map((h) => {
      const n = (seen.get(h.name) ?? 0) + 1;
      seen.set(h.name, n);
      return { ...h, id: n === 1 ? h.name : `${h.name}#${n}` };
    });
}
