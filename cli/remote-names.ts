/**
 * Completion names of a node reached with `--connect`: asked of the node
 * itself with ordinary commands, as a user could, each under `.record false`
 * so that nothing lands in its history. Inside a namespace `vm info` and
 * `vlans` fan out to every host of the namespace, so the names are the whole
 * namespace's; `mesh list` gives every node of the mesh. Asked again only
 * after a line ran (names change only then).
 */
import type { NameKind, NameSource } from '../language/index.js';
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import type { Response } from '../interpreter/contracts/responses.js';

/** Names of a remote node, refreshed on demand. */
export interface RemoteNames {
  readonly source: NameSource;
  /** Asks the node again if a line ran since the last time; never rejects. */
  refresh(): Promise<void>;
  /** A line ran: the names may have changed. */
  invalidate(): void;
}

/** Each kind: the command that lists it and how to read the names off its responses. */
const QUERIES: readonly { kind: NameKind; line: string; read: (r: Response) => string[] }[] = [
  { kind: 'vm', line: '.record false vm info', read: (r) => column(r, 'name') },
  { kind: 'vlan', line: '.record false vlans', read: (r) => column(r, 'alias') },
  { kind: 'host', line: '.record false mesh list', read: (r) => meshListNames(r.response) },
  { kind: 'namespace', line: '.record false namespace', read: (r) => namespaceNames(r.response) },
];

/** Names read through `run` (a remote node's line runner). */
export function createRemoteNames(run: (line: string) => Promise<LineOutcome>): RemoteNames {
  const known = new Map<NameKind, readonly string[]>();
  let stale = true;
  let pending: Promise<void> | undefined;
  const fetch = async (): Promise<void> => {
    for (const q of QUERIES) {
      try {
        const outcome = await run(q.line);
        const names = new Set<string>();
        for (const batch of outcome.batches) for (const r of batch) if (r.error === '') for (const n of q.read(r)) names.add(n);
        known.set(q.kind, [...names].sort());
      } catch {
        // A lost connection shows on the next line; completion just offers what it had.
      }
    }
  };
  return {
    source: { names: (kind) => known.get(kind) ?? [] },
    refresh() {
      if (!stale) return pending ?? Promise.resolve();
      stale = false;
      pending = fetch();
      return pending;
    },
    invalidate() {
      stale = true;
    },
  };
}

/** The values of a table column, when the response is a table that has it. */
function column(r: Response, name: string): string[] {
  const i = r.header?.indexOf(name) ?? -1;
  if (i < 0 || !r.tabular) return [];
  return r.tabular.flatMap((row) => (row[i] !== undefined && row[i] !== '' ? [row[i]!] : []));
}

/** The node names of `mesh list`'s tree (`n1`, ` |--n2`, ...). */
function meshListNames(text: string): string[] {
  return text.split('\n').flatMap((l) => /^\s*(?:\|--)?([^\s|]+)\s*$/.exec(l)?.slice(1, 2) ?? []);
}

/** `Namespaces: [a b]` outside a namespace; `Namespace: "a"` inside one (2.3 lists no others there). */
function namespaceNames(text: string): string[] {
  const all = /^Namespaces: \[(.*)\]$/m.exec(text);
  if (all) return all[1]!.split(' ').filter((n) => n !== '');
  const one = /^Namespace: "(.*)"$/m.exec(text);
  return one ? [one[1]!] : [];
}
