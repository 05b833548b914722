/**
 * Output of a line as the front ends print it: minitest's transcript format
 * (`## line`, `E: error`, rendered text) or the interactive form (rendered text
 * to stdout, errors to stderr). Both come as generators of chunks too, so a
 * 100,000-row table is printed without ever being one string.
 */
import type { Flags } from './responses.js';
import { batchChunks, errorMessages, renderBatch } from './render/index.js';
import type { LineOutcome } from './session.js';

/** What rendering reads from a node: its output flags at rendering time. */
export interface RenderView {
  readonly flags: Flags;
}

/** The transcript block for one line (minicli.md 8.2), in chunks. */
export function* transcriptChunks(node: RenderView, line: string, outcome: LineOutcome): Generator<string, void, undefined> {
  yield line !== '' ? `## ${line}\n` : '\n';
  if (outcome.kind === 'compileError') yield `E: ${outcome.error}\n`;
  for (const batch of outcome.batches) {
    for (const e of errorMessages(batch)) yield `E: ${e}\n`;
    let text = false;
    for (const chunk of batchChunks(batch, node.flags)) {
      text = true;
      yield chunk;
    }
    if (text) yield '\n';
  }
}

/** The transcript block for one line (minicli.md 8.2). */
export function transcriptOf(node: RenderView, line: string, outcome: LineOutcome): string {
  let out = '';
  for (const chunk of transcriptChunks(node, line, outcome)) out += chunk;
  return out;
}

/** A piece of a line's output in the interactive form. */
export type OutputPiece =
  /** Rendered text (a batch's text ends with a piece `\n`). */
  | { readonly kind: 'text'; readonly text: string }
  /** One error message, without line end. */
  | { readonly kind: 'error'; readonly text: string };

/**
 * A line's output in the interactive form, in order: for each batch, its
 * text in chunks (then LF when there was any), then its errors.
 */
export function* outputPieces(node: RenderView, outcome: LineOutcome): Generator<OutputPiece, void, undefined> {
  if (outcome.kind === 'compileError') yield { kind: 'error', text: outcome.error };
  for (const batch of outcome.batches) {
    let text = false;
    for (const chunk of batchChunks(batch, node.flags)) {
      text = true;
      yield { kind: 'text', text: chunk };
    }
    if (text) yield { kind: 'text', text: '\n' };
    for (const e of errorMessages(batch)) yield { kind: 'error', text: e };
  }
}

/** Rendered text and error messages of a line's batches, in order. */
export function outputsOf(node: RenderView, outcome: LineOutcome): { text: string; errors: string[] }[] {
  const out: { text: string; errors: string[] }[] = [];
  if (outcome.kind === 'compileError') out.push({ text: '', errors: [outcome.error] });
  for (const batch of outcome.batches) out.push({ text: renderBatch(batch, node.flags), errors: errorMessages(batch) });
  return out;
}
