/**
 * Decoding a JSON value into a Go struct the way `encoding/json` does, for
 * the request types of minimega's socket: object keys match field names
 * case-insensitively, unknown keys are ignored, `null` leaves a field (or the
 * whole value) empty, and a value of the wrong type is an error worded as
 * Go words it (the server logs it and closes the connection).
 */

/** The Go types the socket's request structs use. */
export type GoFieldType =
  | { readonly kind: 'string' }
  | { readonly kind: 'bool' }
  /** map[string]<elem> */
  | { readonly kind: 'map'; readonly elem: GoFieldType }
  /** []<elem> */
  | { readonly kind: 'slice'; readonly elem: GoFieldType }
  /** *<struct> */
  | { readonly kind: 'struct'; readonly struct: GoStruct };

export interface GoStruct {
  /** Qualified name, as Go prints it in errors (`minicli.Command`). */
  readonly name: string;
  /** Field name to type, in declaration order. */
  readonly fields: Readonly<Record<string, GoFieldType>>;
}

/** A decoded struct: field name to decoded value (absent when the JSON had none or null). */
export type GoValue = { readonly [field: string]: unknown };

/** The outcome of decoding: the value, or Go's error text. */
export type GoDecoded = { readonly ok: true; readonly value: GoValue } | { readonly ok: false; readonly error: string };

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeName(t: GoFieldType): string {
  switch (t.kind) {
    case 'string':
    case 'bool':
      return t.kind;
    case 'map':
      return `map[string]${typeName(t.elem)}`;
    case 'slice':
      return `[]${typeName(t.elem)}`;
    case 'struct':
      return t.struct.name;
  }
}

/** Where a value sits, for the error text: the outermost struct and the field path. */
interface Place {
  readonly struct: string;
  readonly field: string;
}

class TypeError_ {
  constructor(readonly message: string) {}
}

function mismatch(v: unknown, t: GoFieldType, at: Place | undefined): TypeError_ {
  const into = at ? `Go struct field ${at.struct}.${at.field}` : 'Go value';
  return new TypeError_(`json: cannot unmarshal ${jsonKind(v)} into ${into} of type ${typeName(t)}`);
}

function decodeValue(v: unknown, t: GoFieldType, at: Place | undefined): unknown {
  if (v === null) return undefined;
  switch (t.kind) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(v, t, at);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw mismatch(v, t, at);
      return v;
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) throw mismatch(v, t, at);
      const out = new Map<string, unknown>();
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) out.set(k, decodeValue(e, t.elem, at));
      return out;
    }
    case 'slice':
      if (!Array.isArray(v)) throw mismatch(v, t, at);
      return v.map((e) => decodeValue(e, t.elem, at));
    case 'struct':
      if (typeof v !== 'object' || Array.isArray(v)) throw mismatch(v, t, at);
      return decodeStruct(v as Record<string, unknown>, t.struct, at);
  }
}

function decodeStruct(obj: Record<string, unknown>, struct: GoStruct, at: Place | undefined): GoValue {
  const out: Record<string, unknown> = {};
  const byFold = new Map<string, string>();
  for (const f of Object.keys(struct.fields)) byFold.set(f.toLowerCase(), f);
  // Keys in document order; a later key for the same field wins, as in Go.
  for (const [key, v] of Object.entries(obj)) {
    const field = struct.fields[key] !== undefined ? key : byFold.get(key.toLowerCase());
    if (field === undefined) continue;
    const place = { struct: at?.struct ?? struct.name.replace(/^.*\./, ''), field: at ? `${at.field}.${field}` : field };
    const value = decodeValue(v, struct.fields[field]!, place);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** Decodes `v` (a parsed JSON value) into `struct`. `null` is the empty struct. */
export function decodeGoStruct(v: unknown, struct: GoStruct): GoDecoded {
  try {
    if (v === null) return { ok: true, value: {} };
    return { ok: true, value: decodeValue(v, { kind: 'struct', struct }, undefined) as GoValue };
  } catch (e) {
    if (e instanceof TypeError_) return { ok: false, error: e.message };
    throw e;
  }
}

/** A decoded string field, "" when absent. */
export function stringField(value: GoValue, field: string): string {
  const v = value[field];
  return typeof v === 'string' ? v : '';
}
