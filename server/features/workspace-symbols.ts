/**
 * Workspace symbols (VS Code: Ctrl+T): the names the open scripts define
 * (VMs, namespaces, VLAN aliases, taps, hosts, saved configs), each at the
 * place that defines it, matched against the query as editors do: its
 * characters in order, ignoring case.
 */
import { SymbolKind, type Connection, type SymbolInformation } from 'vscode-languageserver';
import { NAME_KIND_LABELS, type NameKind } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable, checkCancelled } from '../lsp-util.js';

/** Answers longer than this are cut (typing narrows them). */
const MAX_WORKSPACE_SYMBOLS = 500;

const KINDS: Record<NameKind, SymbolKind> = {
  vm: SymbolKind.Object,
  namespace: SymbolKind.Namespace,
  vlan: SymbolKind.Constant,
  tap: SymbolKind.Interface,
  host: SymbolKind.Module,
  config: SymbolKind.Struct,
};

/** Registers `workspace/symbol`. */
export function registerWorkspaceSymbols(connection: Connection, services: Services): void {
  connection.onWorkspaceSymbol(
    cancellable((params, token): SymbolInformation[] => {
      const query = params.query.toLowerCase();
      const out: SymbolInformation[] = [];
      const seen = new Set<string>();
      for (const d of services.documents.all()) {
        checkCancelled(token);
        const doc = services.script(d.uri);
        if (!doc) continue;
        for (const site of services.analyses.get(doc).names().sites) {
          if (!site.definition || !matches(site.name.toLowerCase(), query)) continue;
          const key = `${site.kind}\u0000${site.name}\u0000${doc.uri}\u0000${site.range.start.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({
            name: site.name,
            kind: KINDS[site.kind],
            containerName: site.namespace ? `${NAME_KIND_LABELS[site.kind]} in namespace ${site.namespace}` : NAME_KIND_LABELS[site.kind],
            location: { uri: doc.uri, range: site.range },
          });
          if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
        }
      }
      return out;
    }),
  );
}

/** Whether the query's characters appear in `name` in order. */
function matches(name: string, query: string): boolean {
  let i = 0;
  for (let k = 0; k < name.length && i < query.length; k++) if (name[k] === query[i]) i++;
  return i === query.length;
}
