/**
 * Host programs `background` started (3.1: with ids, a status, and their
 * output kept for `background-output` and `background-error`). Only a node
 * started with `--allow-shell` ever adds one (decision 9).
 */

/** How much of each output stream is kept per program; the rest is dropped. */
export const BACKGROUND_OUTPUT_LIMIT = 1024 * 1024;

export class BackgroundProgram {
  /** `running`, `exited`, `exit status <n>`, `signal <name>`, or `exec: <error>` when it could not start. */
  status = 'running';
  stdout = '';
  stderr = '';
  /** Settles when the program has ended (or failed to start). */
  readonly ended: Promise<void>;
  private finish: () => void = () => undefined;

  constructor(
    readonly id: number,
    readonly command: readonly string[],
  ) {
    this.ended = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  /** Keeps a chunk of one output stream, up to the limit. */
  write(stream: 'stdout' | 'stderr', chunk: string): void {
    const kept = this[stream];
    if (kept.length < BACKGROUND_OUTPUT_LIMIT) this[stream] = kept + chunk.slice(0, BACKGROUND_OUTPUT_LIMIT - kept.length);
  }

  /** Records how the program ended (the first report wins). */
  end(status: string): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.finish();
  }
}

export class BackgroundTable {
  private readonly programs = new Map<number, BackgroundProgram>();
  private nextId = 1;

  /** Adds a running program under the next id (ids are never reused). */
  add(command: readonly string[]): BackgroundProgram {
    const p = new BackgroundProgram(this.nextId++, command);
    this.programs.set(p.id, p);
    return p;
  }

  get(id: number): BackgroundProgram | undefined {
    return this.programs.get(id);
  }

  /** Every program, by id. */
  all(): BackgroundProgram[] {
    return [...this.programs.values()];
  }

  /** Forgets the programs that have ended. */
  clearEnded(): void {
    for (const [id, p] of this.programs) if (p.status !== 'running') this.programs.delete(id);
  }
}
