/**
 * Responses are data: what a handler answers, before any rendering. A batch
 * is the unit of rendering (rows of all its responses merge into one table).
 * The same shapes come back from other nodes over the mesh.
 */

/** Output flags (minicli's global flags, or a batch's private copy). */
export interface Flags {
  annotate: boolean;
  compress: boolean;
  headers: boolean;
  sort: boolean;
  /** Output mode: default text, csv or json. */
  mode: 'default' | 'csv' | 'json';
  record: boolean;
}

/** minicli's defaults. */
export function createDefaultFlags(): Flags {
  return { annotate: true, compress: true, headers: true, sort: true, mode: 'default', record: true };
}

/** One response: simple text, or a table (header + rows), and/or an error. */
/** A line of a file `read` ran. */
export interface ReadLocation {
  readonly file: string;
  readonly line: number;
}

export interface Response {
  /** Name of the node that produced it ("" for preprocessor errors). */
  host: string;
  /** Simple text ("" when none). */
  response: string;
  /** Column names, or null for no table. */
  header: string[] | null;
  /** Rows, or null; an empty array is an empty table. */
  tabular: string[][] | null;
  /** Error text; "" means success. */
  error: string;
  /** Private copy of the output flags for this batch (set on the first response). */
  flags?: Flags;
  /** Opaque payload kept on the producing side (never serialised). */
  data?: unknown;
  /**
   * For an error from a line of a file `read` ran: that file (as the `read`
   * named it) and the line's zero-based number, so that `mm run` can name
   * both places. Kept on the producing side (never serialised).
   */
  readAt?: ReadLocation;
  /**
   * What minimega 3.1 sends as the response's `Data` on its socket: plain
   * JSON data (objects are written in their key order, so producers give
   * structs in Go's field order and maps with sorted keys). Absent: `null`.
   * 2.3 has no `Data` on the wire.
   */
  payload?: JsonValue;
}

/** A value JSON can carry. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A batch of responses, rendered together. */
export type Batch = Response[];

/** Creates a simple (text) response. */
export function createResponse(host: string, text = '', error = ''): Response {
  return { host, response: text, header: null, tabular: null, error };
}

/** Creates a table response. */
export function createTable(host: string, header: string[], rows: string[][] | null): Response {
  return { host, response: '', header, tabular: rows, error: '' };
}

/** Creates an error response. */
export function createError(host: string, error: string): Response {
  return { host, response: '', header: null, tabular: null, error };
}
