/**
 * Rename (with prepareRename) for VM names, namespaces, VLAN aliases, taps,
 * hosts and saved configs, across the document and the files it reads. A
 * name that some line only spells as part of a range (`web[1-4]`) or through
 * quoting cannot be renamed safely, so prepareRename refuses it.
 */
import { ResponseError, ErrorCodes, type Connection, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { NameSite } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';
import { fileLabel, findSite, nameAt, type FoundSites } from './names-util.js';
import type { Analysis } from '../analysis.js';

/** Registers `textDocument/prepareRename` and `textDocument/rename`. */
export function registerRename(connection: Connection, services: Services): void {
  const target = (uri: string, position: { line: number; character: number }) => {
    const at = nameAt(services, uri, position);
    return at ? { ...at, found: findSite(at.analysis, at.site) } : undefined;
  };

  connection.onPrepareRename(
    cancellable((params): { range: Range; placeholder: string } | ResponseError<void> | null => {
      const t = target(params.textDocument.uri, params.position);
      if (!t) return null;
      const why = whyNot(t.analysis, t.site, t.found);
      if (why) return new ResponseError(ErrorCodes.InvalidRequest, why);
      return { range: t.site.range, placeholder: t.site.name };
    }),
  );

  connection.onRenameRequest(
    cancellable((params): WorkspaceEdit | ResponseError<void> | null => {
      const t = target(params.textDocument.uri, params.position);
      if (!t) return null;
      const why = whyNot(t.analysis, t.site, t.found) ?? badName(t.site, params.newName);
      if (why) return new ResponseError(ErrorCodes.InvalidRequest, why);
      const changes: Record<string, TextEdit[]> = {};
      for (const { uri, site } of t.found.all) (changes[uri] ??= []).push({ range: site.range, newText: params.newName });
      return { changes };
    }),
  );
}

function whyNot(analysis: Analysis, site: NameSite, found: FoundSites): string | undefined {
  const bad = found.all.find((x) => !x.site.exact);
  if (!bad) return leftOut(analysis, site);
  // The message is plain text: the file name without the Markdown backticks hovers use.
  const where = `${bad.uri === analysis.doc.uri ? '' : `${fileLabel(bad.uri).replace(/`/g, '')}, `}line ${bad.site.range.start.line + 1}`;
  return `"${bad.site.name}" is written as part of a range or with quotes (${where}); rename that line by hand first`;
}

/**
 * Why a rename could miss mentions: the names index of the document or of a
 * file it reads left out ranges of the name's kind (MAX_INDEXED_RANGE_NAMES),
 * and one of them may hold the name.
 */
function leftOut(analysis: Analysis, site: NameSite): string | undefined {
  const scope = analysis.scope();
  const file = scope.local.rangesLeftOut(site.kind) ? analysis.doc.uri : scope.files.find((f) => f.index.rangesLeftOut(site.kind))?.uri;
  if (file === undefined) return undefined;
  const where = file === analysis.doc.uri ? 'this file' : fileLabel(file).replace(/`/g, '');
  return `"${site.name}" may be one of the names of a range too long to follow (${where}); rename by hand`;
}

/** Why a new name cannot be written where the old one was, if it cannot. */
function badName(site: NameSite, name: string): string | undefined {
  if (name === '') return 'the new name is empty';
  if (/[\s"'\\#,[\]]/.test(name) || name.includes('//')) {
    return 'the new name must be one plain word without quotes, #, commas, brackets or //';
  }
  if ((site.kind === 'vm' || site.kind === 'tap' || site.kind === 'host') && name === 'all') return '"all" is a reserved word';
  if ((site.kind === 'vm' || site.kind === 'vlan') && /^[+-]?[0-9]+$/.test(name)) return 'the new name cannot be an integer';
  return undefined;
}
