/**
 * Named pipes as minimega 3.1's `PlumbPipe` attachments see them: every line
 * written to a pipe, by any attachment (the writer included), reaches every
 * attachment of that pipe. The hub belongs to one socket server.
 */

/** Receives the lines written to a pipe. */
export type PipeReader = (line: string) => void;

export class PipeHub {
  private readonly pipes = new Map<string, Set<PipeReader>>();

  /** Attaches a reader to a pipe; the returned function detaches it. */
  attach(name: string, reader: PipeReader): () => void {
    let readers = this.pipes.get(name);
    if (!readers) this.pipes.set(name, (readers = new Set()));
    readers.add(reader);
    return () => {
      readers.delete(reader);
      if (readers.size === 0 && this.pipes.get(name) === readers) this.pipes.delete(name);
    };
  }

  /** Writes one line (its LF included) to a pipe. */
  write(name: string, line: string): void {
    const readers = this.pipes.get(name);
    // A copy: a reader dropped while the line goes round detaches itself.
    if (readers) for (const r of [...readers]) r(line);
  }

  /** How many attachments a pipe has. */
  readers(name: string): number {
    return this.pipes.get(name)?.size ?? 0;
  }
}
