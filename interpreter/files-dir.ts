/**
 * minimega's files directory as a simulated node sees it (decision 16). The
 * node prints minimega's path (default `/tmp/minimega/files`) and maps it to
 * a host directory of its own; a file "exists" for the simulator when it
 * exists there, or when a simulated command made it (`disk create`,
 * `vm migrate`). Paths that are only recorded are never opened.
 *
 * Every place that opens a host file on behalf of a command goes through
 * `openPath`, so the rule about what clients and peers may touch lives here
 * and nowhere else.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/** minimega's default base directory; VM instance directories live under it. */
export const BASE_DIR = '/tmp/minimega';

/** minimega's default files directory (`-filepath`). */
export const DEFAULT_FILES_PATH = '/tmp/minimega/files';

export interface FilesDirOptions {
  /** The path minimega prints for its files directory (default `/tmp/minimega/files`). */
  readonly path?: string;
  /** The host directory behind it; none means an empty files directory that nothing can be opened in. */
  readonly hostDir?: string;
}

/** Where a command came from: the node's own user, a client of the node, or another node. */
export type CommandOrigin = 'local' | 'client' | 'peer';

/** One entry of a listing of the files directory. */
export interface FileEntry {
  /** Path relative to the files directory. */
  readonly name: string;
  readonly dir: boolean;
  readonly size: number;
}

export class FilesDir {
  /** The printed path, cleaned, without a trailing slash. */
  readonly path: string;
  /** The host directory, absolute, or undefined. */
  readonly hostDir: string | undefined;
  /** Files simulated commands created (relative to the files directory). */
  private readonly made = new Map<string, number>();
  /** Files `file delete` removed from the node's view (the host is never touched). */
  private readonly hidden = new Set<string>();

  constructor(options: FilesDirOptions = {}) {
    const p = posix.normalize(options.path ?? DEFAULT_FILES_PATH);
    this.path = p.length > 1 ? p.replace(/\/+$/, '') : p;
    this.hostDir = options.hostDir !== undefined ? resolve(options.hostDir) : undefined;
  }

  /** minimega's F': an absolute path as given, a relative one under the files directory, cleaned. */
  resolve(file: string): string {
    return file.startsWith('/') ? file : posix.join(this.path, file);
  }

  /** The same, but always under the files directory (`vm migrate`, `cc` responses). */
  under(file: string): string {
    return posix.join(this.path, file);
  }

  /** A printed path's place inside the files directory ("" for the directory itself), or undefined when outside. */
  inside(printed: string): string | undefined {
    const p = posix.normalize(printed);
    if (p === this.path) return '';
    const prefix = this.path === '/' ? '/' : this.path + '/';
    return p.startsWith(prefix) ? p.slice(prefix.length).replace(/\/+$/, '') : undefined;
  }

  /** Whether a path names something in the files directory that exists for the simulator. */
  exists(printed: string): boolean {
    const rel = this.inside(printed);
    if (rel === undefined) return false;
    if (this.made.has(rel)) return true;
    if (this.isHidden(rel)) return false;
    return this.stat(rel) !== undefined;
  }

  /** Records a file a simulated command created (nothing is written). */
  markMade(printed: string, size = 0): void {
    const rel = this.inside(printed);
    if (rel === undefined || rel === '') return;
    this.made.set(rel, size);
    this.hidden.delete(rel);
  }

  /** Removes a file from the node's view; the host file is left alone. Returns false when there was none. */
  hide(printed: string): boolean {
    const rel = this.inside(printed);
    if (rel === undefined || rel === '' || !this.exists(printed)) return false;
    for (const k of [...this.made.keys()]) if (k === rel || k.startsWith(rel + '/')) this.made.delete(k);
    this.hidden.add(rel);
    return true;
  }

  /**
   * What `file list` shows for a path: the entries of a directory (host
   * files and made files, without hidden ones), or the file itself. Sorted
   * by name; undefined when nothing is there.
   */
  list(printed: string): FileEntry[] | undefined {
    const rel = this.inside(printed);
    if (rel === undefined || this.isHidden(rel)) return undefined;
    const size = this.made.get(rel);
    if (size !== undefined) return [{ name: rel, dir: false, size }];
    const prefix = rel === '' ? '' : rel + '/';
    const out = new Map<string, FileEntry>();
    const host = this.readHostDir(rel);
    if (host === undefined && rel !== '') {
      const s = this.stat(rel);
      if (s && !s.dir) return [{ name: rel, dir: false, size: s.size }];
    }
    for (const e of host ?? []) if (!this.isHidden(e.name)) out.set(e.name, e);
    let found = host !== undefined || rel === '';
    for (const [name, bytes] of this.made) {
      if (!name.startsWith(prefix)) continue;
      found = true;
      // A made file deeper down makes its directories appear too.
      const child = prefix + name.slice(prefix.length).split('/')[0]!;
      if (child === name) out.set(name, { name, dir: false, size: bytes });
      else if (!out.has(child)) out.set(child, { name: child, dir: true, size: 0 });
    }
    if (!found) return undefined;
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Names (relative to the files directory) of every file that exists for the simulator, for globbing. */
  names(): string[] {
    const out = new Set<string>();
    const walk = (rel: string, depth: number): void => {
      if (depth > 32) return;
      for (const e of this.readHostDir(rel) ?? []) {
        if (this.isHidden(e.name)) continue;
        out.add(e.name);
        if (e.dir) walk(e.name, depth + 1);
      }
    };
    walk('', 0);
    for (const k of this.made.keys()) {
      out.add(k);
      for (let d = posix.dirname(k); d !== '.'; d = posix.dirname(d)) out.add(d);
    }
    return [...out].sort();
  }

  private isHidden(rel: string): boolean {
    for (let r = rel; r !== '.' && r !== ''; r = posix.dirname(r)) if (this.hidden.has(r)) return true;
    return false;
  }

  private stat(rel: string): { dir: boolean; size: number } | undefined {
    if (this.hostDir === undefined) return undefined;
    try {
      const s = statSync(join(this.hostDir, rel));
      return { dir: s.isDirectory(), size: s.size };
    } catch {
      return undefined;
    }
  }

  private readHostDir(rel: string): FileEntry[] | undefined {
    if (this.hostDir === undefined) return undefined;
    try {
      return readdirSync(join(this.hostDir, rel), { withFileTypes: true }).map((d) => {
        const name = rel === '' ? d.name : `${rel}/${d.name}`;
        const dir = d.isDirectory();
        return { name, dir, size: dir ? 0 : (this.stat(name)?.size ?? 0) };
      });
    } catch {
      return undefined;
    }
  }
}

/** Why a path cannot be opened for a command (the text is the command's error). */
export class OpenRefused extends Error {}

/**
 * The host path a command may open for `file`. The node's own user opens
 * paths relative to the node's working directory, as minimega does. A
 * client or a peer may only open files inside the files directory: a
 * relative path is taken there, an absolute one must lie under its printed
 * path, and symbolic links may not lead out of it.
 */
export function openPath(files: FilesDir, cwd: string, file: string, origin: CommandOrigin): string {
  if (origin === 'local') return resolve(cwd, file);
  const refuse = (): never => {
    throw new OpenRefused(`${file}: commands from other nodes and clients may only open files in ${files.path}`);
  };
  if (files.hostDir === undefined) refuse();
  const rel = file.startsWith('/') ? files.inside(file) : files.inside(posix.join(files.path, file));
  if (rel === undefined || rel === '' || rel.split('/').includes('..')) return refuse();
  const host = join(files.hostDir!, ...rel.split('/'));
  if (!within(realOrSelf(files.hostDir!), realOrSelf(dirname(host)))) refuse();
  return host;
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function within(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !isAbsolute(r));
}
