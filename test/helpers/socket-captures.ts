/**
 * The bytes captured from real minimega daemons in ../shared/spec/socket.md,
 * read at test time: the `C:`/`S:` exchanges of section 10 and the frames
 * of section 5.3. Nothing of them is copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { hasShared, sharedPath } from './shared.js';

export type CaptureDialect = '2.3' | '3.1';

/** One request and the server's lines answering it. */
export interface CapturedExchange {
  /** Section number, e.g. `10.2`. */
  readonly section: string;
  readonly dialect: CaptureDialect;
  /** The request as the capture shows it (no LF). */
  readonly request: string;
  /** The parsed request. */
  readonly json: Record<string, unknown>;
  /** Frames (no LF); empty when the server closed the connection instead. */
  readonly frames: readonly string[];
  /** The server closed the connection without answering. */
  readonly closed: boolean;
}

/** A frame of section 5.3 with what it answers. */
export interface CapturedFrame {
  readonly label: string;
  readonly dialect: CaptureDialect;
  readonly frame: string;
}

function specText(): string {
  return readFileSync(sharedPath('spec', 'socket.md'), 'utf8');
}

/** The text of section `number` (up to the next heading of the same or a higher level). */
function section(text: string, number: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^#{2,4} ${number.replace('.', '\\.')}[ .]`).test(l));
  if (start < 0) throw new Error(`socket.md has no section ${number}`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]!) && /^#+/.exec(lines[end]!)![0].length <= level)) end++;
  return lines.slice(start, end).join('\n');
}

function dialectOf(request: Record<string, unknown>): CaptureDialect {
  return 'Original' in request ? '2.3' : '3.1';
}

/** The `C:`/`S:` exchanges of one section of socket.md (e.g. `10.2`). */
export function capturedExchanges(number: string): CapturedExchange[] {
  const out: CapturedExchange[] = [];
  let current: { request: string; json: Record<string, unknown>; frames: string[]; closed: boolean } | undefined;
  const flush = (): void => {
    if (current) out.push({ section: number, dialect: dialectOf(current.json), ...current });
    current = undefined;
  };
  for (const line of section(specText(), number).split('\n')) {
    if (line.startsWith('C: ')) {
      flush();
      const request = line.slice(3);
      current = { request, json: JSON.parse(request) as Record<string, unknown>, frames: [], closed: false };
    } else if (line.startsWith('S: ') && current) {
      const frame = line.slice(3);
      if (frame.startsWith('<connection closed')) current.closed = true;
      else current.frames.push(frame);
    } else if (line.startsWith('```')) {
      // A code block's end closes its last exchange.
      if (current && current.frames.length + Number(current.closed) > 0) flush();
    }
  }
  flush();
  return out;
}

/** The frames listed in section 5.3. */
export function capturedFrames53(): CapturedFrame[] {
  const out: CapturedFrame[] = [];
  for (const line of section(specText(), '5.3').split('\n')) {
    const m = /^\* ([^,]+), (2\.3|3\.1\.0)\b.*?(`+) ?(\{.*\}) ?\3\s*$/.exec(line);
    if (m) out.push({ label: m[1]!, dialect: m[2] === '2.3' ? '2.3' : '3.1', frame: m[4]! });
  }
  return out;
}

export { hasShared };
