/**
 * Reading response frames on the client side. Servers write one compact
 * frame per line (Go's encoder escapes every LF inside strings), so frames
 * are split at LF, as the Python bindings read them, and each is checked
 * member by member: a daemon is trusted to speak the protocol, but what
 * reaches the user must not depend on it doing so.
 */

/** One response of a frame's `Resp`. */
export interface FrameResponse {
  readonly host: string;
  readonly response: string;
  readonly header: readonly string[] | null;
  readonly tabular: readonly (readonly string[])[] | null;
  readonly error: string;
  /** 3.1's `Data` (undefined when the member is absent, as in 2.3). */
  readonly data?: unknown;
}

/** One frame as read. */
export interface ReadFrame {
  readonly resp: readonly FrameResponse[] | null;
  readonly rendered: string;
  readonly more: boolean;
  /** 3.1: an unsolicited progress message, not part of any answer. */
  readonly status: boolean;
  /** 3.1: completion candidates. */
  readonly suggest: readonly string[];
  /** Whether the frame had a `Status` member (3.1 frames always do, 2.3 frames never). */
  readonly hasStatus: boolean;
}

/** A frame that is not what minimega writes. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new FrameError(`${where}.${key} is not a string`);
  return v;
}

function strings(v: unknown, where: string): readonly string[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new FrameError(`${where} is not a list of strings`);
  return v as string[];
}

function response(v: unknown, i: number): FrameResponse {
  const where = `Resp[${i}]`;
  if (!isObject(v)) throw new FrameError(`${where} is not an object`);
  const tab = v.Tabular;
  let tabular: (readonly string[])[] | null = null;
  if (tab !== undefined && tab !== null) {
    if (!Array.isArray(tab)) throw new FrameError(`${where}.Tabular is not a list of rows`);
    tabular = tab.map((row, r) => strings(row, `${where}.Tabular[${r}]`) ?? []);
  }
  return {
    host: str(v, 'Host', where),
    response: str(v, 'Response', where),
    header: strings(v.Header, `${where}.Header`),
    tabular,
    error: str(v, 'Error', where),
    ...('Data' in v ? { data: v.Data } : {}),
  };
}

/** Parses one frame (a line without its LF). */
export function parseFrame(line: string): ReadFrame {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new FrameError(`not a JSON frame: ${(e as Error).message}`);
  }
  if (!isObject(v)) throw new FrameError('a frame is not a JSON object');
  const resp = v.Resp;
  if (resp !== undefined && resp !== null && !Array.isArray(resp)) throw new FrameError('Resp is not a list');
  if (typeof v.More !== 'boolean') throw new FrameError('the frame has no More member');
  if (v.Status !== undefined && typeof v.Status !== 'boolean') throw new FrameError('Status is not a boolean');
  return {
    resp: Array.isArray(resp) ? resp.map(response) : null,
    rendered: str(v, 'Rendered', 'frame'),
    more: v.More,
    status: v.Status === true,
    suggest: strings(v.Suggest, 'Suggest') ?? [],
    hasStatus: 'Status' in v,
  };
}

/** Splits a byte stream into lines, refusing lines longer than a limit. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The complete lines in `chunk` (with what came before it); throws on a line over the limit. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      this.parts.push(chunk.subarray(from, nl));
      this.size += nl - from;
      this.check();
      lines.push(Buffer.concat(this.parts, this.size).toString('utf8'));
      this.parts = [];
      this.size = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      this.parts.push(chunk.subarray(from));
      this.size += chunk.length - from;
      this.check();
    }
    return lines;
  }

  private check(): void {
    if (this.size > this.maxLineBytes) throw new FrameError(`a frame larger than ${this.maxLineBytes} bytes`);
  }
}
