/**
 * Signature help while typing a command: the patterns the words so far can
 * still become (nested commands included), the item under the cursor active.
 */
import { MarkupKind, SignatureHelpTriggerKind, type Connection, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver';
import type { LanguageService, SignatureMatch } from '../../language/index.js';
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
      // VS Code shows signature help above the line and the completion list below: with both open, the
      // hint covers the lines above while the list is what the user reads. Typing a space brings the
      // hint only where no list opens (at a value); asking for it (Ctrl+Shift+Space, or a client
      // that sends no context) always does.
      const invoked = !params.context || params.context.triggerKind === SignatureHelpTriggerKind.Invoked;
      if (!invoked && completesAt(doc.language, line.text, params.position.character)) return null;
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

/** Whether completion offers words at the cursor (names aside: they need the script, and a value's list is short). */
function completesAt(language: LanguageService, text: string, character: number): boolean {
  return language.complete(text, character).candidates.some((c) => !c.hint && (c.kind === 'command' || c.kind === 'keyword' || c.kind === 'choice'));
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
