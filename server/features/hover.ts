/**
 * Hover, kept short: the command's one-line summary, the pattern with the
 * word's item in bold, the argument's value hint, one example and what
 * differs in the other dialect; the rest is behind a link to the command
 * reference (VS Code). On a line with an error, the best partial match: the
 * patterns the words so far can still become. On a name (VM, namespace,
 * VLAN alias, ...), the whole name as written (a range names every VM in
 * it), where it is defined (a link to the line) and how often it is used.
 */
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import {
  groupThousands,
  type Dialect,
  type HandlerSpec,
  type Line,
  type NameKind,
  type NameSite,
  type PatternItem,
  type Range,
  type Word,
} from '../../language/index.js';
import type { Analysis } from '../analysis.js';
import type { Services } from '../services.js';
import { cancellable, locateWord } from '../lsp-util.js';
import { categoryMarkdown, importedHelpMarkdown, patternMarkdown } from '../pattern-text.js';
import { fileLabel, findSite } from './names-util.js';
import { DialectNotes } from '../dialect-notes.js';

const TITLES: Record<NameKind, readonly [string, string]> = {
  vm: ['VM', 'VMs'],
  namespace: ['Namespace', 'Namespaces'],
  vlan: ['VLAN alias', 'VLAN aliases'],
  tap: ['Host tap', 'Host taps'],
  host: ['Host', 'Hosts'],
  config: ['Saved vm config', 'Saved vm configs'],
};

/** Lines of an example shown in a hover; the reference has the rest. */
const EXAMPLE_LINES = 4;
/** Names of a range listed in a hover. */
const RANGE_NAMES = 8;
/** Names of a range whose mentions a hover counts at most (each is looked up in every file the script reads). */
const COUNTED_NAMES = 1000;

/** What a word of a command is: the handler, the pattern's items and the item the word stands for. */
interface CommandWord {
  readonly handler: HandlerSpec;
  readonly items: readonly PatternItem[];
  readonly active: number;
  readonly word: Word;
}

/** Registers `textDocument/hover`; `referenceLinks` adds a command link to the reference (clients that run the extension's commands). */
export function registerHover(connection: Connection, services: Services, referenceLinks: () => boolean): void {
  const notes = new DialectNotes();
  connection.onHover(
    cancellable((params): Hover | null => {
      const doc = services.script(params.textDocument.uri);
      const line = doc?.lines[params.position.line];
      if (!doc || !line) return null;
      const at = commandWord(line, params.position.character, (text, offset) => doc.language.signaturesAt(text, offset));
      if (!at) return null;
      const analysis = services.analyses.get(doc);
      const site = analysis.names().siteAt(params.position);
      const parts = site ? nameParts(analysis, site, line, at.word) : [];
      parts.push(...commandParts(at, notes.of(doc.language.dialect, at.handler), referenceLinks(), doc.language.dialect));
      const r = at.word.range;
      return {
        contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
        range: { start: { line: params.position.line, character: r.start.character }, end: { line: params.position.line, character: r.end.character } },
      };
    }),
  );
}

/**
 * The command word under the cursor: from the matched command, or on a
 * line that does not match, from the first pattern the words up to this one
 * can still become (`vm kill` without a target, `vlans add dmz`).
 */
function commandWord(
  line: Line,
  character: number,
  signaturesAt: (text: string, offset: number) => readonly { handler: HandlerSpec; pattern: { items: readonly PatternItem[] }; activeItem: number }[],
): CommandWord | undefined {
  const at = locateWord(line, character);
  if (at) return { handler: at.command.handler, items: at.command.items, active: at.command.wordItems[at.index]!, word: at.word };
  const word = line.words.find((w) => w.range.start.character <= character && character <= w.range.end.character);
  if (!word || (line.comment && word.range.start.character >= line.comment.range.start.character)) return undefined;
  const best = signaturesAt(line.text, word.range.end.character)[0];
  return best ? { handler: best.handler, items: best.pattern.items, active: best.activeItem, word } : undefined;
}

function commandParts(at: CommandWord, dialectNotes: readonly string[], links: boolean, dialect: Dialect): string[] {
  const h = at.handler;
  const item = at.items[at.active];
  const out = [`**${h.id}**: ${h.summary}`, patternMarkdown(at.items, at.active)];
  if (item && item.type !== 'literal') {
    const option = item.type === 'choice' ? item.options.find((o) => o.startsWith(at.word.value)) : undefined;
    const key = option ?? item.key;
    const arg = h.args[key];
    if (arg) out.push(`\`${key}\`: ${arg.summary}`);
  }
  const example = firstExample(h.doc);
  if (example) out.push('```minimega\n' + example + '\n```');
  const own = importedHelpMarkdown(h, dialect);
  if (own) out.push(own);
  out.push(...dialectNotes);
  out.push(categoryMarkdown(h));
  if (links) out.push(`[More about \`${h.id}\` in the command reference](command:minimega.showCommandReference)`);
  return out;
}

/** The first example block of a handler's doc (lines indented by four spaces), at most EXAMPLE_LINES lines. */
function firstExample(doc: string): string | undefined {
  const lines: string[] = [];
  for (const l of doc.split('\n')) {
    if (l.startsWith('    ')) lines.push(l.slice(4));
    else if (lines.length > 0) break;
  }
  return lines.length > 0 ? lines.slice(0, EXAMPLE_LINES).join('\n') : undefined;
}

function nameParts(analysis: Analysis, site: NameSite, line: Line, word: Word): string[] {
  // A range (`web[1-4]`) is one word naming several: the hover names them all.
  const same = analysis
    .names()
    .sitesOn(site.range.start.line)
    .filter((s) => s.kind === site.kind && sameRange(s.range, site.range));
  const titles = TITLES[site.kind];
  if (same.length > 1) {
    const written = line.text.slice(word.range.start.character, word.range.end.character);
    const names = same.slice(0, RANGE_NAMES).map((s) => `\`${s.name}\``);
    if (same.length > RANGE_NAMES) names.push(`... (${same.length} in all)`);
    return [`**${titles[1]} \`${written}\`**: ${names.join(', ')}`, definedAt(analysis, same), '---'];
  }
  return [`**${titles[0]} \`${site.name}\`**`, definedAt(analysis, [site]), '---'];
}

/**
 * Where the names of `sites` (one name, or every name of a range) are
 * defined, and how often the script mentions them elsewhere: counted over the
 * first COUNTED_NAMES names, so a hover on a range of a million names stays
 * as quick as on a short one.
 */
function definedAt(analysis: Analysis, sites: readonly NameSite[]): string {
  const counted = sites.slice(0, COUNTED_NAMES);
  const all = counted.map((s) => findSite(analysis, s));
  const found = all[0]!;
  const defs = found.definitions;
  if (defs.length === 0) return 'Not defined in this script.';
  const where = defs.slice(0, 5).map((d) => {
    const lineNo = d.site.range.start.line + 1;
    const label = `${d.uri === analysis.doc.uri ? '' : `${fileLabel(d.uri)}, `}line ${lineNo}`;
    return `- [${label}](${d.uri}#L${lineNo})${d.site.namespace ? ` (namespace \`${d.site.namespace}\`)` : ''}`;
  });
  if (defs.length > 5) where.push(`- ... and ${defs.length - 5} more`);
  const uses = all.reduce((n, f) => n + f.all.length - f.definitions.length, 0);
  const mentions = uses === 0 ? 'mentioned nowhere else' : `mentioned ${uses} more time${uses === 1 ? '' : 's'}`;
  const of = sites.length > COUNTED_NAMES ? ` (counting the range's first ${groupThousands(COUNTED_NAMES)} names)` : '';
  return `Defined at\n${where.join('\n')}\n\n${mentions}${of}`;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.character === b.end.character;
}
