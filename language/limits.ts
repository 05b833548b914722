/**
 * Sizes every front end holds input to (docs/security.md lists each with its
 * reason). minimega has none of these but the line length; without them one
 * line could make a node build millions of names or VMs and die of memory.
 */

/** bufio.Scanner's default maximum token size: the longest line, in UTF-8 bytes. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Whether a line is longer than MAX_LINE_BYTES in UTF-8 (counted only when it could be). */
export function exceedsLineLimit(s: string): boolean {
  if (s.length * 3 <= MAX_LINE_BYTES) return false;
  if (s.length > MAX_LINE_BYTES) return true;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n > MAX_LINE_BYTES;
}

/** The error for such a line: bufio.Scanner's, as minimega reading a file gives it. */
export const LINE_TOO_LONG = 'bufio.Scanner: token too long';

/** Most numbers one `prefix[a-b,...]` range may give. */
export const MAX_RANGE = 1_000_000;

/** Most names a whole list expression may give (`a[1-1000000],b[1-1000000]` included). */
export const MAX_LIST_NAMES = 1_000_000;

/**
 * Most names of one kind (VMs, hosts, ...) a names index lists out of range
 * items (`web[1-4]`): a document's own, or one file it reads. Past them a
 * range's names are left out (no hover, references or completion for them),
 * so an editor's index costs what its text does, not what its ranges give;
 * as many as one launch may name (MAX_LAUNCH_VMS), so such a launch is
 * indexed whole.
 */
export const MAX_INDEXED_RANGE_NAMES = 100_000;

/** Most VMs one `vm launch` may name or count. */
export const MAX_LAUNCH_VMS = 100_000;

/** Most VMs one node holds, with those queued in its namespaces (about 300 MB of simulated VMs). */
export const MAX_NODE_VMS = 1_000_000;

/** The error for a launch over MAX_LAUNCH_VMS. */
export function launchTooLarge(count: number): string {
  return `too many VMs in one launch: ${count} (the limit is ${MAX_LAUNCH_VMS})`;
}
