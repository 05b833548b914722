/**
 * VNC recordings and keyboard playbacks. Recordings are
 * keyed by `<namespace>:<name>`, so same-named VMs of two namespaces can each
 * be recorded. A playback replays a file of `<nanoseconds>:<event>` lines in
 * the simulator's time: it advances while running and ends when its events
 * are used up.
 */

export type VncKind = 'kb' | 'fb';

export interface VncRecording {
  readonly kind: VncKind;
  readonly vm: string;
  readonly namespace: string;
  /** F exactly as typed (never opened by the simulator). */
  readonly file: string;
  /** Start time in milliseconds of the node's clock. */
  readonly start: number;
}

/** One event of a playback file and when it is due, in nanoseconds from the start. */
export interface PlaybackEvent {
  readonly at: bigint;
  readonly text: string;
}

export class VncPlayback {
  /** Playback time used up before the current run, in nanoseconds. */
  private used = 0n;
  /** Clock time (ms) the current run started, or undefined while paused. */
  private since: number | undefined;

  constructor(
    readonly vm: string,
    readonly namespace: string,
    readonly file: string,
    readonly events: readonly PlaybackEvent[],
    now: number,
  ) {
    this.since = now;
  }

  get paused(): boolean {
    return this.since === undefined;
  }

  /** Nanoseconds of the playback used up at `now`. */
  elapsed(now: number): bigint {
    return this.used + (this.since === undefined ? 0n : BigInt(Math.max(0, now - this.since)) * 1_000_000n);
  }

  /** Total length in nanoseconds. */
  get length(): bigint {
    return this.events.at(-1)?.at ?? 0n;
  }

  /** Whether every event has been played at `now`. */
  done(now: number): boolean {
    return this.next(now) === undefined;
  }

  /** The next event to play at `now`. */
  next(now: number): PlaybackEvent | undefined {
    const t = this.elapsed(now);
    return this.events.find((e) => e.at > t);
  }

  pause(now: number): void {
    this.used = this.elapsed(now);
    this.since = undefined;
  }

  resume(now: number): void {
    this.since = now;
  }

  /** Plays the next event at once. */
  step(now: number): void {
    const e = this.next(now);
    if (!e) return;
    this.used = e.at;
    this.since = now;
  }
}

/** Reads a playback file: `<ns>:<event>` lines; blank lines, comments and lines that do not parse are skipped. */
export function parsePlayback(text: string): PlaybackEvent[] {
  const out: PlaybackEvent[] = [];
  let at = 0n;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([0-9]+):(.+)$/.exec(line);
    if (!m) continue;
    at += BigInt(m[1]!);
    out.push({ at, text: m[2]!.trim() });
  }
  return out;
}

export class VncTable {
  /** `<kind>:<namespace>:<name>` to the recording. */
  readonly recordings = new Map<string, VncRecording>();
  /** `<namespace>:<name>` to the playback. */
  readonly playbacks = new Map<string, VncPlayback>();

  /** Drops playbacks that have played every event. */
  prune(now: number): void {
    for (const [k, p] of this.playbacks) if (!p.paused && p.done(now)) this.playbacks.delete(k);
  }
}

/** The key of a VM's recording of one kind. */
export function recordingKey(kind: VncKind, namespace: string, vm: string): string {
  return `${kind}:${namespace}:${vm}`;
}

/** The key of a VM's playback. */
export function playbackKey(namespace: string, vm: string): string {
  return `${namespace}:${vm}`;
}
