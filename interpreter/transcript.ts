/**
 * Output of a line as the front ends print it: minitest's transcript format
 * (`## line`, `E: error`, rendered text) or the interactive form (rendered text
 * to stdout, errors to stderr).
 */
import type { Batch } from './responses.js';
import type { SimNode } from './node.js';
import { errorMessages, renderBatch } from './render/index.js';
import type { LineOutcome } from './session.js';

/** The transcript block for one line (minicli.md 8.2). */
export function transcriptOf(node: SimNode, line: string, outcome: LineOutcome): string {
  let out = line !== '' ? `## ${line}\n` : '\n';
  if (outcome.kind === 'compileError') out += `E: ${outcome.error}\n`;
  for (const batch of outcome.batches) out += batchTranscript(node, batch);
  return out;
}

function batchTranscript(node: SimNode, batch: Batch): string {
  let out = '';
  for (const e of errorMessages(batch)) out += `E: ${e}\n`;
  const text = renderBatch(batch, node.flags);
  if (text !== '') out += text + '\n';
  return out;
}

/** Rendered text and error messages of a line's batches, in order. */
export function outputsOf(node: SimNode, outcome: LineOutcome): { text: string; errors: string[] }[] {
  const out: { text: string; errors: string[] }[] = [];
  if (outcome.kind === 'compileError') out.push({ text: '', errors: [outcome.error] });
  for (const batch of outcome.batches) out.push({ text: renderBatch(batch, node.flags), errors: errorMessages(batch) });
  return out;
}
