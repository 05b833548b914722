/**
 * One client connection of a node's local socket, as minimega serves it:
 * requests are read as a JSON stream and served one at a time, in order;
 * each command request gets its frames (exactly one terminal frame), each
 * suggest request one frame. A decoding error closes the connection without
 * a reply. The node is reached only through its inbox.
 *
 * A client that does not read never holds anything but its own connection:
 * the command has finished (and released the node's ordering) before its
 * frames are written, writing waits for the client without blocking the
 * others, and a client stuck past the stall limit is dropped. While a
 * request is served, further input is left in the socket once the limit of
 * one request is buffered.
 */
import type { Socket } from 'node:net';
import type { LineReport, NodeInbox } from '../contracts/delivery.js';
import { createError } from '../contracts/responses.js';
import { batchChunks, goJsonString, type RenderStyle } from '../render/index.js';
import { encodeFrame, type Frame } from './frame-encoding.js';
import { JsonStreamDecoder, type JsonStreamItem } from './json-stream.js';
import type { SocketLimits } from './socket-limits.js';
import type { PipeHub } from './pipe-hub.js';
import type { SocketProtocol, SocketRequest } from './protocol.js';

/** What a connection needs from its server. */
export interface ConnectionContext {
  readonly protocol: SocketProtocol;
  /** The node. */
  readonly inbox: Pick<NodeInbox, 'line' | 'suggest'>;
  /** The node's name: the `Host` of errors the server itself answers. */
  readonly host: string;
  readonly limits: SocketLimits;
  readonly pipes: PipeHub;
  readonly log: (line: string) => void;
  /** A line asked the node to quit (called after that line's frames are written). */
  readonly onQuit: () => void;
}

const NULL_FRAME: Frame = { resp: null, rendered: [], more: false };

/** Serves `socket` until either side closes it. */
export function serveConnection(socket: Socket, ctx: ConnectionContext): void {
  new Connection(socket, ctx).start();
}

class Connection {
  private readonly decoder: JsonStreamDecoder;
  private ended = false;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly ctx: ConnectionContext,
  ) {
    this.decoder = new JsonStreamDecoder(ctx.limits.maxRequestBytes);
  }

  start(): void {
    const { socket } = this;
    socket.on('data', (chunk: Buffer) => {
      this.decoder.push(chunk);
      if (this.decoder.buffered > this.ctx.limits.maxRequestBytes) socket.pause();
      this.poke();
    });
    socket.on('end', () => {
      this.ended = true;
      this.poke();
    });
    socket.on('close', () => {
      this.closed = true;
      this.poke();
    });
    // A reset or a broken pipe: 'close' follows, and the running command's output is dropped.
    socket.on('error', () => undefined);
    void this.loop().catch((e: unknown) => {
      this.ctx.log(`socket client dropped after an internal error: ${(e as Error)?.message ?? String(e)}`);
      socket.destroy();
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** The next decoded item, waiting for input; undefined once the client is gone. */
  private async nextItem(): Promise<JsonStreamItem | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const item = this.decoder.next(this.ended);
      if (item) return item;
      if (this.ended) return undefined;
      this.socket.resume();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private async loop(): Promise<void> {
    for (;;) {
      const item = await this.nextItem();
      // The client is done: requests it sent before leaving have been served.
      if (!item) return void this.socket.end();
      const request = 'error' in item ? ({ kind: 'close', error: item.error } as const) : this.ctx.protocol.decodeRequest(item.value);
      if (request.kind === 'close') {
        this.ctx.log(`closing a socket client: ${request.error}`);
        return void this.socket.destroy();
      }
      if (request.kind === 'pipe') return this.servePipe(request.name);
      if (await this.serve(request)) return this.ctx.onQuit();
    }
  }

  /** Serves one request; resolves to whether the node was asked to quit. */
  private async serve(request: Exclude<SocketRequest, { kind: 'close' | 'pipe' }>): Promise<boolean> {
    const { ctx } = this;
    if (request.kind === 'refuse') {
      await this.write({ resp: [createError(ctx.host, request.error)], rendered: [], more: false });
      return false;
    }
    const size = Buffer.byteLength(request.line);
    if (size > ctx.limits.maxLineBytes) {
      const error = `line too long: ${size} bytes (the limit is ${ctx.limits.maxLineBytes})`;
      await this.write({ resp: [createError(ctx.host, error)], rendered: [], more: false });
      return false;
    }
    if (request.kind === 'suggest') {
      const candidates = await ctx.inbox.suggest(request.line);
      await this.write({ resp: null, rendered: [], more: false, suggest: candidates });
      return false;
    }
    // The command runs to its end even if the client leaves meanwhile (as in minimega).
    const report = await ctx.inbox.line(request.line);
    for (const frame of replyFrames(report, ctx.host, ctx.protocol.render)) {
      if (!(await this.write(frame))) break;
    }
    return report.quit;
  }

  /**
   * Writes a frame, waiting for the client to make room; false when the
   * client is gone or was dropped for not reading.
   */
  private async write(frame: Frame): Promise<boolean> {
    const { socket } = this;
    for (const piece of encodeFrame(frame, this.ctx.protocol.frames)) {
      if (this.closed || socket.destroyed) return false;
      if (!socket.write(piece) && !(await this.drained())) return false;
    }
    return true;
  }

  private drained(): Promise<boolean> {
    const { socket } = this;
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        socket.off('drain', onDrain);
        socket.off('close', onClose);
        resolve(ok);
      };
      const onDrain = (): void => done(true);
      const onClose = (): void => done(false);
      const timer = setTimeout(() => {
        this.ctx.log(`dropping a socket client that has not read its reply for ${this.ctx.limits.writeStallMs / 1000} s`);
        socket.destroy();
        done(false);
      }, this.ctx.limits.writeStallMs);
      socket.on('drain', onDrain);
      socket.on('close', onClose);
    });
  }

  /** 3.1's pipe mode: JSON strings both ways, for good. */
  private async servePipe(name: string): Promise<void> {
    const { socket, ctx } = this;
    const detach = ctx.pipes.attach(name, (line) => {
      if (socket.destroyed) return;
      if (socket.writableLength > ctx.limits.maxPipeBacklogBytes) {
        ctx.log(`dropping a reader of pipe ${name} that fell ${socket.writableLength} bytes behind`);
        socket.destroy();
        return;
      }
      socket.write(goJsonString(line) + '\n');
    });
    try {
      for (;;) {
        const item = await this.nextItem();
        if (!item) break;
        // A value that is not a string ends the attachment, as in minimega.
        if ('error' in item || typeof item.value !== 'string') {
          if ('error' in item) ctx.log(`closing a pipe client: ${item.error}`);
          return void socket.destroy();
        }
        if (item.value !== '') ctx.pipes.write(name, item.value);
      }
    } finally {
      detach();
    }
    socket.end();
  }
}

/**
 * The frames answering a line: one per batch, `More` on all but the last
 * (each rendered with the node's flags as they are after the line); the
 * null frame when there is no batch; an error frame from the node for a
 * line that does not compile (decision 7); nothing for a `quit` that
 * answers nothing (the client expects the connection to close).
 */
export function* replyFrames(report: LineReport, host: string, style?: RenderStyle): Generator<Frame, void, undefined> {
  const { outcome, flags } = report;
  if (outcome.kind === 'compileError') {
    yield { resp: [createError(host, outcome.error)], rendered: [], more: false };
    return;
  }
  const batches = outcome.batches;
  if (batches.length === 0) {
    if (!report.quit) yield NULL_FRAME;
    return;
  }
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i]!;
    yield { resp: batch, rendered: batchChunks(batch, flags, style), more: i < batches.length - 1 };
  }
}
