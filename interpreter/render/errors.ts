/**
 * minicli's error side of a batch (`Responses.Error()`, 5.9).
 */
import { goTrimSpace } from '../../language/index.js';
import type { Batch } from '../contracts/responses.js';

/** The error texts of a batch in batch order (minitest prints `E: <msg>` for each). */
export function errorMessages(batch: Batch): string[] {
  const out: string[] = [];
  for (const r of batch) if (r.error !== '') out.push(r.error);
  return out;
}

/**
 * The error block printed by the interactive front ends: one
 * `Error (<host>): <message>` line per error response, trimmed as Go does.
 */
export function renderErrors(batch: Batch): string {
  let out = '';
  for (const r of batch) if (r.error !== '') out += `Error (${r.host}): ${r.error}\n`;
  return goTrimSpace(out);
}
