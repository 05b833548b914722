/**
 * Hover on any word of a matched command: the command's summary, the pattern
 * it matched with the word's item in bold, the argument's description and
 * what the handler category means under a namespace. On a name (VM,
 * namespace, VLAN alias, ...): where it is defined and how often it is used.
 */
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import type { NameKind, NameSite } from '../../language/index.js';
import type { Analysis } from '../analysis.js';
import type { Services } from '../services.js';
import { cancellable, locateWord, type LocatedWord } from '../lsp-util.js';
import { categoryMarkdown, patternMarkdown } from '../pattern-text.js';
import { fileLabel, findSite } from './names-util.js';
import { DialectNotes } from '../dialect-notes.js';

const TITLES: Record<NameKind, string> = {
  vm: 'VM',
  namespace: 'Namespace',
  vlan: 'VLAN alias',
  tap: 'Host tap',
  host: 'Host',
  config: 'Saved vm config',
};

/** Registers `textDocument/hover`. */
export function registerHover(connection: Connection, services: Services): void {
  const notes = new DialectNotes();
  connection.onHover(
    cancellable((params): Hover | null => {
      const doc = services.script(params.textDocument.uri);
      const line = doc?.lines[params.position.line];
      if (!doc || !line) return null;
      const at = locateWord(line, params.position.character);
      if (!at) return null;
      const analysis = services.analyses.get(doc);
      const site = analysis.names().siteAt(params.position);
      const parts = [...(site ? nameParts(analysis, site) : []), ...commandParts(at, notes.of(doc.language.dialect, at.command.handler))];
      const r = at.word.range;
      return {
        contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
        range: { start: { line: params.position.line, character: r.start.character }, end: { line: params.position.line, character: r.end.character } },
      };
    }),
  );
}

function commandParts(at: LocatedWord, dialectNotes: readonly string[]): string[] {
  const h = at.command.handler;
  const out = [`**${h.id}**: ${h.summary}`, patternMarkdown(at.command.items, at.command.wordItems[at.index]!)];
  const option = at.item.type === 'choice' ? at.item.options.find((o) => o.startsWith(at.word.value)) : undefined;
  const key = option ?? at.item.key;
  const arg = at.item.type === 'literal' ? undefined : h.args[key];
  if (arg) out.push(`\`${key}\`: ${arg.summary}${arg.doc ? `\n\n${arg.doc}` : ''}`);
  out.push(...dialectNotes);
  out.push(categoryMarkdown(h));
  if (h.doc && h.doc !== h.summary) out.push('---', h.doc);
  else if (h.quirks?.length) out.push(h.quirks.map((q) => `*2.3 quirk*: ${q}`).join('\n\n'));
  return out;
}

function nameParts(analysis: Analysis, site: NameSite): string[] {
  const found = findSite(analysis, site);
  const defs = found.definitions;
  const title = `**${TITLES[site.kind]} \`${site.name}\`**`;
  if (defs.length === 0) return [`${title}: not defined in this script`, '---'];
  const where = defs
    .slice(0, 5)
    .map(
      (d) =>
        `- ${d.uri === analysis.doc.uri ? '' : `${fileLabel(d.uri)}, `}line ${d.site.range.start.line + 1}${d.site.namespace ? ` (namespace \`${d.site.namespace}\`)` : ''}`,
    );
  if (defs.length > 5) where.push(`- ... and ${defs.length - 5} more`);
  const uses = found.all.length - defs.length;
  return [`${title}: defined at\n${where.join('\n')}\n\nmentioned ${uses} more time${uses === 1 ? '' : 's'}`, '---'];
}
