/**
 * The shapes of the parameters the server reads, checked before any handler
 * sees them: a client (or anything writing to the server's stdin) may send
 * nulls, strings or fractions where the protocol says integers, and a
 * handler reading them would throw a TypeError or, worse, cut a document's
 * text at a fractional offset and desynchronise its lines from its text.
 * Each check returns what is wrong, or "" when the parameters are usable.
 */

type Check = (p: unknown) => string;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** LSP's `uinteger`. */
const isUinteger = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 2 ** 31 - 1;
const isInteger = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && Math.abs(x) <= 2 ** 31;

function position(x: unknown, what: string): string {
  if (!isObject(x)) return `${what} must be a Position`;
  if (!isUinteger(x.line) || !isUinteger(x.character)) return `${what} must have non-negative integer line and character`;
  return '';
}

function range(x: unknown, what: string): string {
  if (!isObject(x)) return `${what} must be a Range`;
  return position(x.start, `${what}.start`) || position(x.end, `${what}.end`);
}

function textDocument(p: Record<string, unknown>): string {
  const d = p.textDocument;
  return isObject(d) && typeof d.uri === 'string' ? '' : 'textDocument.uri must be a string';
}

/** A check that `params` is an object, then `rest` of it. */
const params =
  (...rest: ((p: Record<string, unknown>) => string)[]): Check =>
  (p) => {
    if (!isObject(p)) return 'params must be an object';
    for (const r of rest) {
      const e = r(p);
      if (e) return e;
    }
    return '';
  };

const at = (p: Record<string, unknown>): string => position(p.position, 'position');
const inRange = (p: Record<string, unknown>): string => range(p.range, 'range');

function opened(p: Record<string, unknown>): string {
  const d = p.textDocument;
  if (!isObject(d) || typeof d.uri !== 'string' || typeof d.text !== 'string' || typeof d.languageId !== 'string' || !isInteger(d.version)) {
    return 'textDocument must have a string uri, languageId and text and an integer version';
  }
  return '';
}

function changed(p: Record<string, unknown>): string {
  const d = p.textDocument;
  if (!isObject(d) || typeof d.uri !== 'string' || !isInteger(d.version)) return 'textDocument must have a string uri and an integer version';
  if (!Array.isArray(p.contentChanges)) return 'contentChanges must be an array';
  for (const [i, c] of p.contentChanges.entries()) {
    if (!isObject(c) || typeof c.text !== 'string') return `contentChanges[${i}].text must be a string`;
    if (c.range !== undefined) {
      const e = range(c.range, `contentChanges[${i}].range`);
      if (e) return e;
    }
    if (c.rangeLength !== undefined && !isUinteger(c.rangeLength)) return `contentChanges[${i}].rangeLength must be a non-negative integer`;
  }
  return '';
}

/** Parameter checks by method; methods not listed are passed on (the library answers unknown ones). */
export const PARAM_CHECKS: Readonly<Record<string, Check>> = {
  initialize: params(
    (p) => (p.processId === null || isInteger(p.processId) ? '' : 'processId must be an integer or null'),
    (p) => (isObject(p.capabilities) ? '' : 'capabilities must be an object'),
  ),
  'textDocument/didOpen': params(opened),
  'textDocument/didChange': params(changed),
  'textDocument/didClose': params(textDocument),
  'textDocument/didSave': params(textDocument),
  'textDocument/completion': params(textDocument, at),
  'textDocument/hover': params(textDocument, at),
  'textDocument/signatureHelp': params(textDocument, at),
  'textDocument/definition': params(textDocument, at),
  'textDocument/documentHighlight': params(textDocument, at),
  'textDocument/references': params(textDocument, at, (p) =>
    isObject(p.context) && typeof p.context.includeDeclaration === 'boolean' ? '' : 'context.includeDeclaration must be a boolean',
  ),
  'textDocument/prepareRename': params(textDocument, at),
  'textDocument/rename': params(textDocument, at, (p) => (typeof p.newName === 'string' ? '' : 'newName must be a string')),
  'textDocument/documentSymbol': params(textDocument),
  'textDocument/foldingRange': params(textDocument),
  'textDocument/semanticTokens/full': params(textDocument),
  'textDocument/semanticTokens/full/delta': params(textDocument, (p) => (typeof p.previousResultId === 'string' ? '' : 'previousResultId must be a string')),
  'textDocument/semanticTokens/range': params(textDocument, inRange),
  'textDocument/codeAction': params(textDocument, inRange, (p) =>
    isObject(p.context) && Array.isArray(p.context.diagnostics) ? '' : 'context.diagnostics must be an array',
  ),
  'workspace/didChangeWatchedFiles': params((p) =>
    Array.isArray(p.changes) && p.changes.every((c) => isObject(c) && typeof c.uri === 'string' && isInteger(c.type)) ? '' : 'changes must be FileEvents',
  ),
  '$/cancelRequest': params((p) => (typeof p.id === 'string' || isInteger(p.id) ? '' : 'id must be an integer or a string')),
};
