/**
 * minicli's consistency checks before rendering (5.2 steps 4–5). Failures are
 * not errors: their text becomes the rendered output.
 */
import type { Batch } from '../contracts/responses.js';

/** Outcome of the checks: either the text to print instead, or what was found. */
export type BatchShape =
  | { readonly ok: false; readonly text: string }
  | { readonly ok: true; readonly header: readonly string[] | null; readonly tabular: boolean };

function sameHeader(a: readonly string[], b: readonly string[] | null): boolean {
  // Go compares lengths first, so a nil header only matches an empty one.
  const n = b?.length ?? 0;
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b![i]) return false;
  return true;
}

/**
 * Header check (`getHeader`): the first successful response with a header
 * sets it, and every successful response must carry the same one. Returns
 * the mismatch text, or the header (null when no response has one).
 */
function findHeader(batch: Batch): { header: readonly string[] | null } | string {
  const first = batch.find((r) => r.error === '' && r.header !== null);
  if (first === undefined) return { header: null };
  const header = first.header!;
  const odd = batch.find((r) => r.error === '' && !sameHeader(header, r.header));
  return odd === undefined ? { header } : `header mismatch, hosts: ${first.host}, ${odd.host}`;
}

/**
 * Runs the header check, then the tabular check (`validTabular`): row widths
 * must match the header, and tables cannot be mixed with simple texts.
 */
export function checkBatch(batch: Batch): BatchShape {
  const found = findHeader(batch);
  if (typeof found === 'string') return { ok: false, text: found };
  const { header } = found;
  let tabular = false;
  let simple = false;
  for (const r of batch) {
    if (r.error !== '') continue;
    if (r.tabular !== null) {
      tabular = true;
      if (header === null) continue;
      const bad = r.tabular.findIndex((row) => row.length !== header.length);
      if (bad >= 0) return { ok: false, text: `tabular width mismatch, host: ${r.host}, row: ${bad}` };
    } else if (r.response !== '') {
      simple = true;
    }
  }
  if (tabular && simple) return { ok: false, text: 'responses mix simple and tabular data' };
  return { ok: true, header, tabular };
}
