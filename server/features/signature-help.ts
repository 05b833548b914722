/**
 * Signature help while typing a command: the patterns the words so far can
 * still become (nested commands included), the item under the cursor active.
 */
import { MarkupKind, type Connection, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver';
import type { SignatureMatch } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';
import { categoryMarkdown, renderWithOffsets } from '../pattern-text.js';

/** More would only scroll: `vm config` alone has dozens of patterns. */
const MAX_SIGNATURES = 30;

/** Characters that (re)trigger signature help. */
export const SIGNATURE_TRIGGERS = [' '];

/** Registers `textDocument/signatureHelp`. */
export function registerSignatureHelp(connection: Connection, services: Services): void {
  connection.onSignatureHelp(
    cancellable((params): SignatureHelp | null => {
      const doc = services.script(params.textDocument.uri);
      const line = doc?.lines[params.position.line];
      if (!line) return null;
      const matches = doc.language.signaturesAt(line.text, params.position.character).slice(0, MAX_SIGNATURES);
      if (matches.length === 0) return null;
      // Keep the signature the user was looking at when it is still possible.
      const prev = params.context?.activeSignatureHelp;
      const prevLabel = prev?.signatures[prev.activeSignature ?? 0]?.label;
      const signatures = matches.map(toSignature);
      const again = signatures.findIndex((s) => s.label === prevLabel);
      const active = Math.max(again, 0);
      return { signatures, activeSignature: active, activeParameter: matches[active]!.activeItem };
    }),
  );
}

function toSignature(m: SignatureMatch): SignatureInformation {
  const { label, offsets } = renderWithOffsets(m.pattern.items);
  return {
    label,
    documentation: { kind: MarkupKind.Markdown, value: `${m.handler.summary}\n\n${categoryMarkdown(m.handler)}` },
    parameters: m.pattern.items.map((it, i) => {
      const key = it.type === 'choice' ? it.options[0]! : it.key;
      const arg = it.type === 'literal' ? undefined : m.handler.args[key];
      return { label: offsets[i] as [number, number], ...(arg ? { documentation: arg.summary } : {}) };
    }),
    activeParameter: m.activeItem,
  };
}
