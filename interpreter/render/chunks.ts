/**
 * Output produced in pieces and handed on in chunks of about 64 K characters:
 * big enough that writing costs little per chunk, small enough that a 40 MB
 * table never exists as one string. Renderers are generators of chunks, so
 * a writer can wait for a slow reader between two of them.
 */

/** Characters gathered before a chunk is handed on. */
export const CHUNK_SIZE = 1 << 16;

/** Gathers pieces until they make a chunk. */
export class ChunkBuffer {
  private readonly parts: string[] = [];
  private size = 0;

  /** Adds a piece. */
  push(piece: string): void {
    this.parts.push(piece);
    this.size += piece.length;
  }

  /** The gathered text if it makes a chunk (the buffer is emptied), else undefined. */
  full(): string | undefined {
    return this.size >= CHUNK_SIZE ? this.take() : undefined;
  }

  /** All the gathered text (the buffer is emptied), or undefined when there is none. */
  take(): string | undefined {
    if (this.parts.length === 0) return undefined;
    const chunk = this.parts.join('');
    // Emptied in place: the array keeps its capacity for the next chunk.
    this.parts.length = 0;
    this.size = 0;
    return chunk;
  }
}

/** All the chunks joined into one string. */
export function collect(chunks: Iterable<string>): string {
  const out: string[] = [];
  for (const c of chunks) out.push(c);
  return out.length === 1 ? out[0]! : out.join('');
}
