/**
 * Output of a line as the front ends print it: minitest's transcript format
 * (`## line`, `E: error`, rendered text) or the interactive form (rendered text
 * to stdout, errors to stderr). Both come as generators of chunks too, so a
 * 100,000-row table is printed without ever being one string.
 */
import type { Batch, Flags, ReadLocation } from './contracts/responses.js';
import { batchChunks, errorMessages, type RenderStyle } from './render/index.js';
import type { LineOutcome } from './contracts/delivery.js';

/** What rendering reads from a node: its output flags at rendering time. */
export interface RenderView {
  readonly flags: Flags;
  /** The dialect's rendering (default 2.3's). */
  readonly renderStyle?: RenderStyle;
}

/** The transcript block for one line (minitest's `## line`, `E: error`, output), in chunks. */
export function* transcriptChunks(node: RenderView, line: string, outcome: LineOutcome): Generator<string, void, undefined> {
  yield line !== '' ? `## ${line}\n` : '\n';
  if (outcome.kind === 'compileError') yield `E: ${outcome.error}\n`;
  for (const batch of outcome.batches) yield* batchChunksOfTranscript(node, batch);
}

/** One batch's part of a transcript block: its errors (`E: error`), then its text. */
function* batchChunksOfTranscript(node: RenderView, batch: Batch): Generator<string, void, undefined> {
  for (const e of errorMessages(batch)) yield `E: ${e}\n`;
  yield* batchText(node, batch);
}

/** One batch's part of a transcript block, as one string. */
export function batchTranscript(node: RenderView, batch: Batch): string {
  let out = '';
  for (const chunk of batchChunksOfTranscript(node, batch)) out += chunk;
  return out;
}

/** A batch's rendered text in chunks, then LF when there was any text. */
function* batchText(node: RenderView, batch: Batch): Generator<string, void, undefined> {
  let text = false;
  for (const chunk of batchChunks(batch, node.flags, node.renderStyle)) {
    text = true;
    yield chunk;
  }
  if (text) yield '\n';
}

/** The transcript block for one line (minitest's `## line`, `E: error`, output). */
export function transcriptOf(node: RenderView, line: string, outcome: LineOutcome): string {
  let out = '';
  for (const chunk of transcriptChunks(node, line, outcome)) out += chunk;
  return out;
}

/** A piece of a line's output in the interactive form. */
export type OutputPiece =
  /** Rendered text (a batch's text ends with a piece `\n`). */
  | { readonly kind: 'text'; readonly text: string }
  /** One error message, without line end; `at` when it came from a line of a file `read` ran. */
  | { readonly kind: 'error'; readonly text: string; readonly at?: ReadLocation };

/**
 * A line's output in the interactive form, in order: for each batch, its
 * text in chunks (then LF when there was any), then its errors.
 */
export function* outputPieces(node: RenderView, outcome: LineOutcome): Generator<OutputPiece, void, undefined> {
  if (outcome.kind === 'compileError') yield { kind: 'error', text: outcome.error };
  for (const batch of outcome.batches) {
    for (const chunk of batchText(node, batch)) yield { kind: 'text', text: chunk };
    for (const r of batch) if (r.error !== '') yield r.readAt ? { kind: 'error', text: r.error, at: r.readAt } : { kind: 'error', text: r.error };
  }
}

/** The error messages of a line, in order (without rendering its text). */
export function lineErrors(outcome: LineOutcome): string[] {
  const out = outcome.kind === 'compileError' ? [outcome.error] : [];
  for (const batch of outcome.batches) for (const e of errorMessages(batch)) out.push(e);
  return out;
}
