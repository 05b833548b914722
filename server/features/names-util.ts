/**
 * Finding a name's sites across the open document and the files it reads,
 * for hover, definition, references, highlights and rename.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickDefinitions, type NameSite, type Position } from '../../language/index.js';
import type { Analysis } from '../analysis.js';
import type { Services } from '../services.js';

/** The name under `position` in the open document `uri`, with the document's analysis. */
export interface NameAt {
  readonly analysis: Analysis;
  readonly site: NameSite;
}

/** The name under a position, or undefined when the document is not open or names nothing there. */
export function nameAt(services: Services, uri: string, position: Position): NameAt | undefined {
  const doc = services.script(uri);
  if (!doc) return undefined;
  const analysis = services.analyses.get(doc);
  const site = analysis.names().siteAt(position);
  return site ? { analysis, site } : undefined;
}

/** A site in a file. */
export interface FileSite {
  readonly uri: string;
  readonly site: NameSite;
}

/** Every site of a name, and those that define it. */
export interface FoundSites {
  readonly all: readonly FileSite[];
  readonly definitions: readonly FileSite[];
}

/**
 * The sites of `site`'s name in the document and the files it reads, in the
 * order they run: a read file's lines run at the line that reads it.
 */
export function findSite(analysis: Analysis, site: NameSite): FoundSites {
  const scope = analysis.scope();
  const keyed: { at: number[]; x: FileSite }[] = scope.local
    .lookup(site.kind, site.name)
    .map((s) => ({ at: [s.range.start.line, 0, 0, s.range.start.character], x: { uri: analysis.doc.uri, site: s } }));
  for (const f of scope.files) {
    for (const s of f.index.lookup(site.kind, site.name)) {
      keyed.push({ at: [f.line, 1, s.range.start.line, s.range.start.character], x: { uri: f.uri, site: s } });
    }
  }
  keyed.sort((a, b) => a.at[0]! - b.at[0]! || a.at[1]! - b.at[1]! || a.at[2]! - b.at[2]! || a.at[3]! - b.at[3]!);
  const all = keyed.map((k) => k.x);
  return { all, definitions: pickDefinitions(site.kind, all, (x) => x.site) };
}

/** A short label for a file URI (its base name). */
export function fileLabel(uri: string): string {
  try {
    return '`' + basename(uri.startsWith('file:') ? fileURLToPath(uri) : uri) + '`';
  } catch {
    return '`' + uri + '`';
  }
}
