/**
 * Response rendering, byte for byte as minicli 2.3: `Responses.String()`
 * (text tables, CSV, JSON, compression, annotation) and `Responses.Error()`.
 */
export { batchChunks, batchFlags, renderBatch } from './render-batch.js';
export { RENDER_23, RENDER_31, type RenderStyle } from './style.js';
export { errorMessages, renderErrors } from './errors.js';
export { HELP_SHORT_LIST_TITLE, renderHelpShortList, renderTabPadded } from './tabpad.js';
export type { HelpEntry } from './tabpad.js';
export { goSprintfNoArgs } from './printf.js';
export { compareRows } from './sort.js';
export { csvRecord } from './csv.js';
export { goJsonString, renderJson, responseJson } from './json.js';
