/**
 * The mesh wire protocol (specified in PROTOCOL.md): message types, the
 * version, and `encode`/`decode` with runtime guards. Frames are JSON text.
 * Types are append-only: a later version adds message types or optional
 * fields (tagged `@since`), and decoders ignore fields they do not know.
 */
import { isArrayOf, isBoolean, isCount, isNullOr, isRecord, isString, isStringArray } from './is.js';

/**
 * Bumped on any change an older node could misread (2: signed hellos and
 * link state, instances; 3: link-state changes, `lsa-change` and `lsa-want`).
 */
export const PROTOCOL_VERSION = 3;
/** The WebSocket subprotocol carrying the version; checked in `handleProtocols`. */
export const SUBPROTOCOL = `mm-mesh.v${PROTOCOL_VERSION}`;
/** Largest frame a node accepts (and the WebSocket `maxPayload`). */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
/** Routed messages are dropped after this many hops (a loop guard). */
export const MAX_HOPS = 32;
/** Longest node name (a DNS name's limit); longer names make a message malformed. */
export const MAX_NAME_LENGTH = 253;
/** Most nodes a mesh may hold: link state for more origins, or longer neighbour lists, is refused. */
export const MAX_MESH_NODES = 10_000;

/** Stable codes of `error` messages. */
export const ErrorCode = {
  Malformed: 'protocol/malformed',
  UnknownType: 'protocol/unknown-type',
  TooLarge: 'protocol/too-large',
  Version: 'protocol/version',
  Unexpected: 'protocol/unexpected',
  AuthFailed: 'auth/failed',
  Duplicate: 'handshake/duplicate',
  Self: 'handshake/self',
  InvalidCommand: 'exec/invalid-command',
  Failed: 'exec/failed',
  NoRoute: 'route/no-route',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A matched command: what the receiver re-validates against its own catalog. @since 1 */
export interface WireCommand {
  /** minicli's Original: the text the receiver compiles. */
  readonly original: string;
  /** The pattern it matched on the sender. */
  readonly pattern: string;
  /** The word values matched at this level. */
  readonly words: readonly string[];
  /** The nested `(command)`, or null. */
  readonly sub: WireCommand | null;
}

/** Output flags (only on client replies: mesh replies never carry flags, as in minicli). @since 1 */
export interface WireFlags {
  readonly annotate: boolean;
  readonly compress: boolean;
  readonly headers: boolean;
  readonly sort: boolean;
  readonly mode: 'default' | 'csv' | 'json';
  readonly record: boolean;
}

/** A response (minicli's, without the never-serialised Data). @since 1 */
export interface WireResponse {
  readonly host: string;
  readonly response: string;
  readonly header: readonly string[] | null;
  readonly tabular: readonly (readonly string[])[] | null;
  readonly error: string;
  readonly flags?: WireFlags;
}

/** A link-state announcement: a node's direct neighbours. @since 1 */
export interface Lsa {
  readonly origin: string;
  /** The origin's process (random per start): tells a restarted or second node of one name apart. @since 2 */
  readonly instance: string;
  readonly seq: number;
  readonly neighbours: readonly string[];
  /** The origin's signature of the rest (`identity.ts`; "" without keys). @since 2 */
  readonly sig: string;
}

/** Who is joining: another node, or a client running lines (`mm run --connect`). */
export type Role = 'peer' | 'client';

/** `dialect`: the minimega version a node speaks (`2.3`, `3.1`); absent means 2.3 (and for clients). */
export interface ChallengeMessage {
  readonly type: 'challenge';
  readonly version: number;
  readonly name: string;
  readonly instance: string;
  readonly nonce: string;
  readonly dialect?: string;
}
/** `sig` (@since 2): a peer's signature of its hello (`identity.ts`); "" for clients and without keys. */
export interface HelloMessage {
  readonly type: 'hello';
  readonly version: number;
  readonly role: Role;
  readonly name: string;
  readonly instance: string;
  readonly nonce: string;
  readonly proof: string;
  readonly sig: string;
  readonly dialect?: string;
}
export interface WelcomeMessage {
  readonly type: 'welcome';
  readonly version: number;
  readonly name: string;
  readonly instance: string;
  readonly proof: string;
  readonly sig: string;
  readonly lsas: readonly Lsa[];
}
export interface SyncMessage {
  readonly type: 'sync';
  readonly lsas: readonly Lsa[];
}
export interface ReadyMessage {
  readonly type: 'ready';
}
export interface LsaMessage {
  readonly type: 'lsa';
  readonly lsa: Lsa;
}
/**
 * A change of `origin`'s links since its announcement number `base`: the
 * announcement number `seq` lists the base's neighbours minus `removed`
 * plus `added`, and `sig` is the origin's signature of that whole
 * announcement (as an Lsa's). Flooded instead of the whole list, so a
 * change costs its own size. @since 3
 */
export interface LsaChangeMessage {
  readonly type: 'lsa-change';
  readonly origin: string;
  readonly instance: string;
  readonly base: number;
  readonly seq: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly sig: string;
}
/** Asks a neighbour for its whole announcement of `origin` (a change came whose base this node does not hold). @since 3 */
export interface LsaWantMessage {
  readonly type: 'lsa-want';
  readonly origin: string;
}
/** Fields of messages routed hop by hop to `to`. */
export interface Routed {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly hops: number;
}
export interface ExecMessage extends Routed {
  readonly type: 'exec';
  readonly command: WireCommand;
  readonly source: string;
  readonly record: boolean;
  /** 3.1 scheduler legs: the launch's config snapshot (JSON). */
  readonly payload?: string;
}
export interface ResultMessage extends Routed {
  readonly type: 'result';
  readonly response: WireResponse;
}
export interface RunMessage {
  readonly type: 'run';
  readonly id: string;
  readonly line: string;
}
export interface OutcomeMessage {
  readonly type: 'outcome';
  readonly id: string;
  readonly kind: 'empty' | 'comment' | 'compileError' | 'command';
  readonly error: string;
  readonly batches: readonly (readonly WireResponse[])[];
  /** The node's global flags after the line (rendering uses them). */
  readonly flags: WireFlags;
  readonly namespace: string;
  /** The line asked the node to quit. */
  readonly quit: boolean;
}
export interface PingMessage {
  readonly type: 'ping';
  readonly nonce: string;
}
export interface PongMessage {
  readonly type: 'pong';
  readonly nonce: string;
}
/** A typed failure. With routing fields it answers an `exec` (routed back like a result). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly code: ErrorCode;
  readonly message: string;
  readonly id?: string;
  readonly from?: string;
  readonly to?: string;
  readonly hops?: number;
}

export type Message =
  | ChallengeMessage
  | HelloMessage
  | WelcomeMessage
  | SyncMessage
  | ReadyMessage
  | LsaMessage
  | LsaChangeMessage
  | LsaWantMessage
  | ExecMessage
  | ResultMessage
  | RunMessage
  | OutcomeMessage
  | PingMessage
  | PongMessage
  | ErrorMessage;
export type MessageType = Message['type'];

/** Encodes a message as one frame. */
export function encode(message: Message): string {
  return JSON.stringify(message);
}

export type DecodeResult = { readonly ok: true; readonly message: Message } | { readonly ok: false; readonly code: ErrorCode; readonly error: string };

/** Decodes and schema-checks a frame. Never throws. */
export function decode(frame: string): DecodeResult {
  // A UTF-16 length over the limit is over it in UTF-8 too.
  if (frame.length > MAX_FRAME_BYTES) return fail(ErrorCode.TooLarge, `frame larger than ${MAX_FRAME_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return fail(ErrorCode.Malformed, 'frame is not JSON');
  }
  if (!isRecord(value) || !isString(value.type)) return fail(ErrorCode.Malformed, 'frame is not a message object');
  const guard = guards[value.type as MessageType];
  if (!Object.hasOwn(guards, value.type) || !guard) return fail(ErrorCode.UnknownType, `unknown message type ${JSON.stringify(value.type).slice(0, 64)}`);
  if (!guard(value)) return fail(ErrorCode.Malformed, `malformed ${value.type} message`);
  return { ok: true, message: value as unknown as Message };
}

function fail(code: ErrorCode, error: string): DecodeResult {
  return { ok: false, code, error };
}

const MAX_DEPTH = 64;

export function isWireCommand(x: unknown, depth = 0): x is WireCommand {
  if (depth > MAX_DEPTH || !isRecord(x)) return false;
  return isString(x.original) && isString(x.pattern) && isStringArray(x.words) && (x.sub === null || isWireCommand(x.sub, depth + 1));
}

const MODES = new Set(['default', 'csv', 'json']);

export function isWireFlags(x: unknown): x is WireFlags {
  return (
    isRecord(x) &&
    isBoolean(x.annotate) &&
    isBoolean(x.compress) &&
    isBoolean(x.headers) &&
    isBoolean(x.sort) &&
    isBoolean(x.record) &&
    isString(x.mode) &&
    MODES.has(x.mode)
  );
}

export function isWireResponse(x: unknown): x is WireResponse {
  return (
    isRecord(x) &&
    isString(x.host) &&
    isString(x.response) &&
    isString(x.error) &&
    isNullOr(x.header, isStringArray) &&
    isNullOr(x.tabular, (t): t is string[][] => isArrayOf(t, isStringArray)) &&
    (x.flags === undefined || isWireFlags(x.flags))
  );
}

/** A node name of acceptable length. */
export function isName(x: unknown): x is string {
  return isString(x) && x.length <= MAX_NAME_LENGTH;
}

export function isLsa(x: unknown): x is Lsa {
  return isRecord(x) && isName(x.origin) && isShort(x.instance) && isCount(x.seq) && isString(x.sig) && x.sig.length <= 256 && isNames(x.neighbours);
}

/** Nonces, instances and proofs are short. */
const isShort = (x: unknown): x is string => isString(x) && x.length <= 256;

const isNames = (x: unknown): x is string[] => Array.isArray(x) && x.length <= MAX_MESH_NODES && x.every(isName);
const isLsaList = (x: unknown): x is Lsa[] => Array.isArray(x) && x.length <= MAX_MESH_NODES && x.every(isLsa);
const isRole = (x: unknown): x is Role => x === 'peer' || x === 'client';
const isBatch = (x: unknown): x is WireResponse[] => isArrayOf(x, isWireResponse);
const KINDS = new Set(['empty', 'comment', 'compileError', 'command']);
const isRouted = (m: Record<string, unknown>): boolean => isShort(m.id) && isName(m.from) && isName(m.to) && isCount(m.hops);

type Guard = (m: Record<string, unknown>) => boolean;

const guards: Record<MessageType, Guard> = {
  challenge: (m) => isCount(m.version) && isName(m.name) && isShort(m.instance) && isShort(m.nonce) && (m.dialect === undefined || isShort(m.dialect)),
  hello: (m) =>
    isCount(m.version) &&
    isRole(m.role) &&
    isName(m.name) &&
    isShort(m.instance) &&
    isShort(m.nonce) &&
    isShort(m.proof) &&
    isShort(m.sig) &&
    (m.dialect === undefined || isShort(m.dialect)),
  welcome: (m) => isCount(m.version) && isName(m.name) && isShort(m.instance) && isShort(m.proof) && isShort(m.sig) && isLsaList(m.lsas),
  sync: (m) => isLsaList(m.lsas),
  ready: () => true,
  lsa: (m) => isLsa(m.lsa),
  'lsa-change': (m) =>
    isName(m.origin) && isShort(m.instance) && isCount(m.base) && isCount(m.seq) && m.seq > m.base && isNames(m.added) && isNames(m.removed) && isShort(m.sig),
  'lsa-want': (m) => isName(m.origin),
  exec: (m) => isRouted(m) && isWireCommand(m.command) && isString(m.source) && isBoolean(m.record) && (m.payload === undefined || isString(m.payload)),
  result: (m) => isRouted(m) && isWireResponse(m.response),
  run: (m) => isString(m.id) && isString(m.line),
  outcome: (m) =>
    isString(m.id) &&
    isString(m.kind) &&
    KINDS.has(m.kind) &&
    isString(m.error) &&
    isArrayOf(m.batches, isBatch) &&
    isWireFlags(m.flags) &&
    isString(m.namespace) &&
    isBoolean(m.quit),
  ping: (m) => isString(m.nonce),
  pong: (m) => isString(m.nonce),
  error: (m) =>
    // Codes a later version adds are kept, not rejected (types are append-only).
    isString(m.code) && isString(m.message) && (m.id === undefined || isRouted(m)),
};
