/**
 * What a flush sends a host for its share of the queue (decision 2): the
 * `vm config` lines that recreate a snapshot, then one `vm launch` line.
 * Consecutive entries with the same snapshot travel as one request, so a
 * script that queues one VM per line does not cost a round of requests per
 * VM; a request never grows past what a receiver reads as one line.
 */
import { MAX_LINE_BYTES } from '../language/index.js';
import { configCommands } from './config-commands.js';
import type { PlacedEntry } from './scheduler.js';
import type { VmType } from './vm-model.js';

/** Longest `vm launch` line sent: a receiver's line limit less room for the `namespace "<ns>" ` prefix. */
export const MAX_LAUNCH_LINE = MAX_LINE_BYTES / 2;

/** One request to a host: its config lines, then `launch`, for `count` VMs. */
export interface LaunchRequest {
  readonly config: readonly string[];
  readonly launch: string;
  readonly count: number;
}

/**
 * Turns a host's placed entries, in order, into requests. Entries are
 * joined while their type and config lines are equal, they are all named
 * or all unnamed, and no name repeats; an entry that pins a UUID or names a
 * VM twice is refused whole by its receiver, so it joins nothing (the
 * other entries' VMs launch as if sent alone). Names are split over several
 * requests where one line would be too long.
 */
export function launchRequests(entries: readonly PlacedEntry[]): LaunchRequest[] {
  const out: LaunchRequest[] = [];
  let open: OpenRequest | undefined;
  const close = (): void => {
    if (open && open.unnamed > 0) out.push({ config: open.config, launch: `vm launch ${open.type} ${open.unnamed}`, count: open.unnamed });
    else if (open && open.names.length > 0)
      out.push({ config: open.config, launch: `vm launch ${open.type} ${open.names.join(',')}`, count: open.names.length });
    open = undefined;
  };
  for (const { entry, names } of entries) {
    const config = configCommands(entry.config);
    const key = `${entry.type}\n${config.join('\n')}`;
    const unnamed = names.every((n) => n === '');
    // A pinned UUID or a repeated name refuses its whole request: such an entry travels alone, as queued.
    const alone = entry.config.uuid !== '' || (!unnamed && new Set(names).size < names.length);
    const joins = open !== undefined && !alone && open.key === key && open.unnamed > 0 === unnamed && (unnamed || names.every((n) => !open!.seen.has(n)));
    if (!joins) close();
    open ??= openRequest(entry.type, config, key);
    if (unnamed) {
      open.unnamed += names.length;
      continue;
    }
    for (const n of names) {
      if (open.names.length > 0 && open.length + n.length + 1 > MAX_LAUNCH_LINE) {
        close();
        open = openRequest(entry.type, config, key);
      }
      open.names.push(n);
      open.seen.add(n);
      open.length += n.length + 1;
    }
    if (alone) close();
  }
  close();
  return out;
}

interface OpenRequest {
  readonly type: VmType;
  readonly config: string[];
  /** Type and config lines: requests join only when equal. */
  readonly key: string;
  readonly names: string[];
  unnamed: number;
  readonly seen: Set<string>;
  /** Characters the names take in the launch line. */
  length: number;
}

function openRequest(type: VmType, config: string[], key: string): OpenRequest {
  return { type, config, key, names: [], unnamed: 0, seen: new Set(), length: 0 };
}
