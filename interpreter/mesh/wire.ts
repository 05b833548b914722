/**
 * Converting between the runtime's values and their wire form, and the
 * receiving side's re-validation: a received command is compiled again with
 * this node's own catalog and must match what the sender matched.
 */
import { subcommandOf, type Command, type CommentCommand, type LanguageService } from '../../language/index.js';
import type { Flags, Response } from '../contracts/responses.js';
import type { WireCommand, WireFlags, WireResponse } from './mesh-protocol.js';

/** The wire form of a matched command. */
export function toWireCommand(c: Command): WireCommand {
  return {
    original: c.original,
    pattern: c.pattern,
    words: c.words.map((w) => w.value),
    sub: mapSub(c),
  };
}

function mapSub(c: Command): WireCommand | null {
  const sub = subcommandOf(c);
  return sub ? toWireCommand(sub) : null;
}

export type Revalidated = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

/**
 * Compiles `wire.original` with this node's catalog (no aliases: they are
 * per node and already expanded by the sender) and checks that every level
 * matched the same pattern with the same words.
 */
export function revalidate(wire: WireCommand, language: LanguageService): Revalidated {
  const r = language.compile(wire.original);
  if (r.kind === 'lexError' || r.kind === 'noMatch') return { ok: false, error: r.error };
  if (r.kind !== 'command') return { ok: false, error: `invalid command: \`${wire.original}\`` };
  const mismatch = compare(wire, r.command);
  if (mismatch) return { ok: false, error: mismatch };
  return { ok: true, command: r.command };
}

function compare(wire: WireCommand | null, got: Command | CommentCommand | null): string {
  const cmd = got && got.kind === 'Command' ? got : null;
  if (wire === null || cmd === null) {
    return wire === null && cmd === null ? '' : `command \`${wire?.original ?? cmd?.original ?? ''}\` does not match this node's catalog`;
  }
  if (cmd.pattern !== wire.pattern) {
    return `command \`${wire.original}\` matched \`${wire.pattern}\` on the sender but \`${cmd.pattern}\` here`;
  }
  const words = cmd.words.map((w) => w.value);
  if (words.length !== wire.words.length || words.some((w, i) => w !== wire.words[i])) {
    return `command \`${wire.original}\` does not match the words the sender sent`;
  }
  return compare(wire.sub, cmd.subcommand);
}

/** The wire form of a response; `Data` is never sent, flags only when asked. */
export function toWireResponse(r: Response, withFlags = false): WireResponse {
  const base = { host: r.host, response: r.response, header: r.header, tabular: r.tabular, error: r.error };
  return withFlags && r.flags ? { ...base, flags: toWireFlags(r.flags) } : base;
}

/** A response rebuilt from its wire form. */
export function fromWireResponse(w: WireResponse): Response {
  const r: Response = {
    host: w.host,
    response: w.response,
    header: w.header ? [...w.header] : null,
    tabular: w.tabular ? w.tabular.map((row) => [...row]) : null,
    error: w.error,
  };
  if (w.flags) r.flags = { ...w.flags };
  return r;
}

export function toWireFlags(f: Flags): WireFlags {
  return { annotate: f.annotate, compress: f.compress, headers: f.headers, sort: f.sort, mode: f.mode, record: f.record };
}
