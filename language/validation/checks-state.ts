/**
 * What the script checks (script-checks.ts) carry along a replay: each
 * namespace's launch queue and launched names, the files written, how many
 * queues are open. An editor runs the checks again after many edits of a
 * long document; the state is kept at stops along the document so that the
 * next run resumes at the last stop before the first line that changed
 * instead of at the top (half the replay, on average, for an edit anywhere).
 *
 * A stop copies the state's maps but shares the objects in them: the objects
 * made or copied since the last stop are the state's own (they carry its
 * generation), any other is shared with a stop and copied before it is
 * changed. A script's experiments are mostly one namespace after another,
 * so the stretch between two stops copies a namespace or two.
 */
import type { Command, Line } from '../ast.js';
import type { Diagnostic } from '../diagnostic.js';
import { LaunchedNames } from '../launched-names.js';
import type { VmItem } from '../name-sites.js';
import type { ActiveNamespace } from '../replay.js';

/** The checks' view of one namespace. */
export interface NamespaceState {
  /** The generation that made it (see `ChecksState`). */
  readonly gen: number;
  queued: number;
  hostsAdded: boolean;
  warnedHosts: boolean;
  /** What is queued and not launched yet (dialects whose `vm launch` queues in a namespace): each queuing launch's items. */
  queue: (readonly VmItem[])[];
  /** The names in `queue`, expanded when a VM command first asks (a cache of `queue`: setting it changes nothing else). */
  queuedNames: Set<string> | undefined;
  /** The last launch that queued, where a queue never launched is reported (its range is made only then). */
  lastQueued: { readonly command: Command; readonly lineIndex: number } | undefined;
}

/**
 * Lines between stops at least. A stop copies the state's maps: they are
 * also at least four times as many lines apart as the state holds entries
 * (`size`), so that the copies cost a fraction of the replay they spare,
 * and time and memory linear in the document however many namespaces it
 * has. A replay resumes at most this many lines before an edit.
 */
export const STOP_LINES = 2048;
/** Lines between stops per entry of the state, at least. */
export const STOP_LINES_PER_ENTRY = 4;

/** The state before line `line` of a run. */
export interface ChecksStop {
  readonly line: number;
  /** How many diagnostics the replay had made before the line. */
  readonly made: number;
  /** The generation of the objects it shares. */
  readonly gen: number;
  readonly spaces: ReadonlyMap<string, NamespaceState>;
  readonly launched: ReadonlyMap<string, Launched>;
  readonly written: ReadonlySet<string>;
  readonly queues: number;
  readonly active: ActiveNamespace;
}

/** A file's existence as a `read` line asked it. */
export interface FileAsked {
  readonly line: number;
  readonly path: string;
  readonly exists: boolean;
}

/**
 * What a run of the checks leaves for the next run over the same document
 * (opaque to callers): the lines it read, its stops, the diagnostics of its
 * replay (before those found at the end), and the files it asked about, in
 * line order (files come and go between runs: a stop after a line whose
 * answer changed is not resumed from).
 */
export interface ChecksMemo {
  /** The checks and the options it was made with: a memo of other ones is not used. */
  readonly checks: object;
  readonly severity: string;
  /** Whether file existence could be asked (a `fileExists` was given). */
  readonly files: boolean;
  readonly lines: readonly Line[];
  readonly stops: readonly ChecksStop[];
  readonly replayed: readonly Diagnostic[];
  readonly asked: readonly FileAsked[];
}

/** A namespace's launched names, with the generation that made them (see `ChecksState`). */
export interface Launched {
  readonly gen: number;
  readonly names: LaunchedNames;
}

/** The checks' state along one run. */
export class ChecksState {
  /** By namespace name: its queue (read freely, changed through `space`). */
  readonly spaces: Map<string, NamespaceState>;
  /** By namespace name: the VM names launched there (changed through `launchedIn`). */
  readonly launched: Map<string, Launched>;
  /** Files the script writes (`write FILE`): a later `read` of one is not of a missing file. */
  readonly written: Set<string>;
  /** Namespaces whose queue holds VMs. */
  queues: number;
  /**
   * The generation of the objects made or copied since the last stop (the
   * state's own); an object of an older one is shared with a stop. One more
   * than the stop's when resumed.
   */
  private gen: number;

  /** A fresh state, or one resumed at `stop` (sharing its objects). */
  constructor(stop?: ChecksStop) {
    this.spaces = new Map(stop?.spaces);
    this.launched = new Map(stop?.launched);
    this.written = new Set(stop?.written);
    this.queues = stop?.queues ?? 0;
    this.gen = (stop?.gen ?? 0) + 1;
  }

  /** Namespace `name`'s state, to change (made when missing, copied when shared). */
  space(name: string): NamespaceState {
    let s = this.spaces.get(name);
    if (s !== undefined && s.gen === this.gen) return s;
    s =
      s === undefined
        ? { gen: this.gen, queued: 0, hostsAdded: false, warnedHosts: false, queue: [], queuedNames: undefined, lastQueued: undefined }
        : { ...s, gen: this.gen, queue: [...s.queue] };
    this.spaces.set(name, s);
    return s;
  }

  /** The names launched in namespace `name`, to change (made when missing, copied when shared). */
  launchedIn(name: string): LaunchedNames {
    const had = this.launched.get(name);
    if (had !== undefined && had.gen === this.gen) return had.names;
    const names = had === undefined ? new LaunchedNames() : had.names.copy();
    this.launched.set(name, { gen: this.gen, names });
    return names;
  }

  /** Entries a stop copies. */
  size(): number {
    return this.spaces.size + this.launched.size + this.written.size;
  }

  /** The state before line `line`, `made` diagnostics made, `active` the namespace there; from now on the state's objects are shared with it. */
  stop(line: number, made: number, active: ActiveNamespace): ChecksStop {
    const stop = {
      line,
      made,
      gen: this.gen,
      spaces: new Map(this.spaces),
      launched: new Map(this.launched),
      written: new Set(this.written),
      queues: this.queues,
      active: active.copy(),
    };
    this.gen++;
    return stop;
  }
}

/**
 * The stop of `memo` a run over `lines` resumes at: the last one at or
 * before the first line that differs (a line object the memo did not read
 * there) and before the first `read` whose file's existence (`fileExists`,
 * asked again) changed; undefined when the run starts at the top (the first
 * line differs: it may hold the dialect directive, which the checks read
 * first).
 */
export function resumeStop(memo: ChecksMemo, lines: readonly Line[], fileExists?: (path: string) => boolean): { stop: ChecksStop; index: number } | undefined {
  const before = memo.lines;
  const n = Math.min(before.length, lines.length);
  let same = 0;
  while (same < n && before[same] === lines[same]) same++;
  if (same === 0) return undefined;
  // Each path asked once again, however many lines read it.
  const now = new Map<string, boolean>();
  for (const a of memo.asked) {
    if (a.line >= same) break;
    let exists = now.get(a.path);
    if (exists === undefined) now.set(a.path, (exists = fileExists?.(a.path) ?? a.exists));
    if (exists !== a.exists) {
      same = a.line;
      break;
    }
  }
  let found: { stop: ChecksStop; index: number } | undefined;
  for (let k = 0; k < memo.stops.length; k++) {
    const stop = memo.stops[k]!;
    if (stop.line > same) break;
    found = { stop, index: k };
  }
  return found;
}
