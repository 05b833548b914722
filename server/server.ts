/**
 * The language server's wiring: capabilities, document sync, settings, and
 * one register call per feature. The connection comes from `main.ts`.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { VERSION } from '../language/index.js';
import { createServices, type Services } from './services.js';
import { parseSettings } from './settings.js';
import { registerDiagnostics } from './features/diagnostics.js';
import { COMPLETION_TRIGGERS, registerCompletion } from './features/completion.js';
import { registerHover } from './features/hover.js';
import { registerSignatureHelp, SIGNATURE_TRIGGERS } from './features/signature-help.js';
import { registerDocumentSymbols } from './features/document-symbols.js';
import { registerFolding } from './features/folding.js';
import { registerSemanticTokens, SEMANTIC_LEGEND } from './features/semantic-tokens.js';
import { registerDocumentHighlight } from './features/document-highlight.js';
import { registerDefinition } from './features/definition.js';
import { registerReferences } from './features/references.js';
import { registerRename } from './features/rename.js';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/code-actions.js';
import { registerFormatting } from './features/formatting.js';
import { registerWorkspaceSymbols } from './features/workspace-symbols.js';
import { registerDialectInfo } from './features/dialect-info.js';
import { registerImportCommandSet } from './features/import-command-set.js';
import { registerImportedReference } from './features/imported-reference.js';

/** Serves the minimega language on a connection; returns the services (for tests). */
export function createServer(connection: Connection): Services {
  const services = createServices();
  let canPullConfig = false;
  let canRegisterConfig = false;
  let canWatchFiles = false;
  let canRefreshTokens = false;
  // The VS Code extension runs `minimega.showCommandReference`: hovers may link to it.
  let referenceLinks = false;

  connection.onInitialize((params): InitializeResult => {
    canPullConfig = params.capabilities.workspace?.configuration === true;
    canRegisterConfig = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    if (params.initializationOptions) services.setSettings(parseSettings(params.initializationOptions));
    referenceLinks = (params.initializationOptions as { referenceCommand?: unknown } | null)?.referenceCommand === true;
    return {
      serverInfo: { name: 'mm', version: VERSION },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [','] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: { delta: true }, range: true },
        documentHighlightProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        documentFormattingProvider: true,
        workspaceSymbolProvider: true,
      },
    };
  });

  // Document sync: the store re-parses changed lines; features read from it.
  connection.onDidOpenTextDocument((p) => {
    services.documents.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
  });
  connection.onDidChangeTextDocument((p) => {
    services.documents.change(p.textDocument.uri, p.contentChanges, p.textDocument.version);
  });
  connection.onDidCloseTextDocument((p) => services.documents.close(p.textDocument.uri));

  const republish = registerDiagnostics(connection, services);
  registerCompletion(connection, services);
  registerHover(connection, services, () => referenceLinks);
  registerSignatureHelp(connection, services);
  registerDocumentSymbols(connection, services);
  registerFolding(connection, services);
  registerSemanticTokens(connection, services);
  registerDocumentHighlight(connection, services);
  registerDefinition(connection, services);
  registerReferences(connection, services);
  registerRename(connection, services);
  registerCodeActions(connection, services);
  registerFormatting(connection, services);
  registerWorkspaceSymbols(connection, services);
  registerDialectInfo(connection, services);
  registerImportCommandSet(connection);
  registerImportedReference(connection, services);

  // New settings may move documents to another dialect: new diagnostics, and colours from its catalog.
  const settingsChanged = (): void => {
    republish();
    if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
  };
  // Settings: pulled after start-up and whenever the client says they changed.
  const pull = async (): Promise<void> => {
    if (!canPullConfig) return;
    try {
      const [raw] = (await connection.workspace.getConfiguration([{ section: 'minimega' }])) as unknown[];
      // Nothing configured: keep what initializationOptions said (or the defaults).
      if (raw === null || raw === undefined) return;
      if (services.setSettings(parseSettings(raw))) settingsChanged();
    } catch {
      // A client that fails the request keeps the defaults.
    }
  };
  connection.onInitialized(() => {
    if (canRegisterConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'minimega' });
    // Scripts that `read` others: re-check when files appear, change or go.
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.mm' }] });
    void pull();
  });
  connection.onDidChangeConfiguration((p) => {
    if (canPullConfig) void pull();
    else if (services.setSettings(parseSettings(p.settings))) settingsChanged();
  });
  connection.onDidChangeWatchedFiles(() => {
    // `read` targets may have appeared or changed.
    services.analyses.clear();
    republish();
  });
  return services;
}
