/**
 * The cc (command and control) state of a node without agents: a global
 * filter, a prefix, and the commands with their ids.
 */
import { tagsJson } from '../vm-config-state.js';

/** A client filter: fields and tags that a client must match. */
export interface CcFilter {
  uuid: string;
  hostname: string;
  arch: string;
  os: string;
  ip: string;
  mac: string;
  readonly tags: Map<string, string>;
}

export interface CcCommand {
  readonly id: number;
  /** The prefix current when the command was made ("" for none). */
  readonly prefix: string;
  /** The words of `exec`/`background`; empty for files and processes. */
  readonly command: readonly string[];
  readonly background: boolean;
  /** `send` files, relative to the files directory. */
  readonly send: readonly string[];
  /** `recv` files, as typed. */
  readonly recv: readonly string[];
  /** A copy of the filter at creation, or undefined. */
  readonly filter: CcFilter | undefined;
  /** The namespace active at creation ("" for none). */
  readonly namespace: string;
}

/** A guest filesystem mounted over cc (3.1 `cc mount`). */
export interface CcMount {
  readonly name: string;
  readonly uuid: string;
  /** The guest's file-server port. */
  readonly port: number;
  /** The local mount point, as typed. */
  readonly path: string;
}

export class CcState {
  filter: CcFilter | undefined;
  prefix = '';
  commands: CcCommand[] = [];
  nextId = 1;
  /** 3.1 mounts by VM UUID. */
  readonly mounts = new Map<string, CcMount>();

  /** Adds a command with the next id, the current prefix and a copy of the filter. */
  add(namespace: string, c: Pick<CcCommand, 'command' | 'background' | 'send' | 'recv'>): CcCommand {
    const f = this.filter;
    const cmd: CcCommand = {
      ...c,
      id: this.nextId++,
      prefix: this.prefix,
      filter: f ? { ...f, tags: new Map(f.tags) } : undefined,
      namespace,
    };
    this.commands.push(cmd);
    return cmd;
  }

  /** Ids of the commands made under a prefix, lowest first. */
  prefixIds(prefix: string): number[] {
    return this.commands.filter((c) => c.prefix !== '' && c.prefix === prefix).map((c) => c.id);
  }
}

/** An empty filter. */
export function createCcFilter(): CcFilter {
  return { uuid: '', hostname: '', arch: '', os: '', ip: '', mac: '', tags: new Map() };
}

/**
 * Parses `cc filter` items into a new filter, or returns the error text
 * (`malformed id=value pair: <item>`).
 */
export function parseCcFilter(items: readonly string[]): CcFilter | string {
  const f = createCcFilter();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) return `malformed id=value pair: ${item}`;
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    switch (key.toLowerCase()) {
      case 'uuid':
        f.uuid = value.toLowerCase();
        break;
      case 'hostname':
      case 'arch':
      case 'os':
      case 'ip':
      case 'mac':
        f[key.toLowerCase() as 'hostname' | 'arch' | 'os' | 'ip' | 'mac'] = value;
        break;
      case 'tag': {
        const sep = value.includes('=') ? '=' : value.includes(':') ? ':' : '';
        if (sep === '') f.tags.set(value, '');
        else f.tags.set(value.slice(0, value.indexOf(sep)), value.slice(value.indexOf(sep) + 1));
        break;
      }
      default: {
        const colon = key.indexOf(':');
        if (colon >= 0) f.tags.set(key.slice(0, colon), key.slice(colon + 1));
        else f.tags.set(key, value);
      }
    }
  }
  return f;
}

/** The `filter` cell of `cc commands`: namespace, fields, then tags sorted by key, joined by ` && `. */
export function describeCcFilter(f: CcFilter | undefined, namespace: string): string {
  const parts: string[] = [];
  if (namespace !== '') parts.push(`namespace=${namespace}`);
  if (f) {
    for (const k of ['uuid', 'hostname', 'arch', 'os', 'ip', 'mac'] as const) if (f[k] !== '') parts.push(`${k}=${f[k]}`);
    for (const k of [...f.tags.keys()].sort()) parts.push(`${k}=${f.tags.get(k)!}`);
  }
  return parts.join(' && ');
}

/** The `Tags` cell of `cc filter`: a JSON object with sorted keys. */
export function ccFilterTags(f: CcFilter): string {
  return tagsJson(f.tags);
}
