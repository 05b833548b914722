/**
 * Output of a line as the front ends print it: minitest's transcript format
 * (`## line`, `E: error`, rendered text) or the interactive form (rendered text
 * to stdout, errors to stderr).
 */
import type { Batch, Flags } from './responses.js';
import { errorMessages, renderBatch } from './render/index.js';
import type { LineOutcome } from './session.js';

/** What rendering reads from a node: its output flags at rendering time. */
export interface RenderView {
  readonly flags: Flags;
}

/** The transcript block for one line (minicli.md 8.2). */
export function transcriptOf(node: RenderView, line: string, outcome: LineOutcome): string {
  let out = line !== '' ? `## ${line}\n` : '\n';
  if (outcome.kind === 'compileError') out += `E: ${outcome.error}\n`;
  for (const batch of outcome.batches) out += batchTranscript(node, batch);
  return out;
}

function batchTranscript(node: RenderView, batch: Batch): string {
  let out = '';
  for (const e of errorMessages(batch)) out += `E: ${e}\n`;
  const text = renderBatch(batch, node.flags);
  if (text !== '') out += text + '\n';
  return out;
}

/** Rendered text and error messages of a line's batches, in order. */
export function outputsOf(node: RenderView, outcome: LineOutcome): { text: string; errors: string[] }[] {
  const out: { text: string; errors: string[] }[] = [];
  if (outcome.kind === 'compileError') out.push({ text: '', errors: [outcome.error] });
  for (const batch of outcome.batches) out.push({ text: renderBatch(batch, node.flags), errors: errorMessages(batch) });
  return out;
}
