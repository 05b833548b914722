/**
 * The services every feature gets: documents, files, cached analyses and
 * settings, built in one function (no container). Tests and the server
 * wiring both call `createServices`.
 */
import {
  Codes,
  createDiagnostic,
  createLanguageService,
  readDialectDirective,
  type Diagnostic,
  type Dialect,
  type LanguageService,
} from '../language/index.js';
import { dialectResolver } from './dialect-resolver.js';
import { createAnalysisCache, type AnalysisCache } from './analysis.js';
import { isForeign, sniffLines } from './content-sniff.js';
import { createDocumentStore, type DocumentStore, type LineDocument } from './documents.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { createWorkspace, type Workspace } from './workspace.js';

/** What features depend on. */
export interface Services {
  /** The language service of a dialect (one per dialect, each remembering what it parsed). */
  language(dialect: Dialect): LanguageService;
  /** The service for a text (at `uri`): its `# minimega: X` directive's dialect (X a version or a command set file), else the setting's, else 2.3. */
  languageFor(text: string, uri?: string): LanguageService;
  readonly documents: DocumentStore;
  readonly workspace: Workspace;
  readonly analyses: AnalysisCache;
  /** The open document at `uri` when it is a minimega script (an Objective-C++ `.mm` file is not). */
  script(uri: string): LineDocument | undefined;
  /** Why the command set file an open document's first line names cannot be used (the document is then read in the setting's dialect). */
  dialectProblem(doc: LineDocument): Diagnostic | undefined;
  /** Whether an open document is clearly not minimega (worked out once per version). */
  isForeign(doc: LineDocument): boolean;
  settings(): Settings;
  /** Replaces the settings; true when they changed (documents whose dialect moved are parsed again). */
  setSettings(s: Settings): boolean;
}

/** Builds the services with default settings. */
export function createServices(): Services {
  let settings = DEFAULT_SETTINGS;
  const services = new Map<Dialect, LanguageService>();
  const language = (d: Dialect): LanguageService => {
    let s = services.get(d);
    if (!s) services.set(d, (s = createLanguageService(d)));
    return s;
  };
  const resolve = dialectResolver(() => settings);
  const languageFor = (text: string, uri?: string): LanguageService => language(resolve(text, uri));
  const documents = createDocumentStore(languageFor);
  const workspace = createWorkspace(documents, languageFor);
  const analyses = createAnalysisCache(workspace, () => settings);
  documents.onDidClose((uri) => analyses.forget(uri));
  // Another document may read the one that changed: its names must be looked up again.
  documents.onDidChange((doc) => {
    for (const other of documents.all()) if (other !== doc) analyses.forget(other.uri);
  });
  const verdicts = new WeakMap<object, boolean>();
  const foreign = (doc: LineDocument): boolean => {
    let v = verdicts.get(doc.stamp);
    // A directive says the file is a script, whatever follows.
    if (v === undefined) verdicts.set(doc.stamp, (v = !readDialectDirective(doc.lineText(0)) && isForeign(sniffLines(doc.lines))));
    return v;
  };
  return {
    language,
    languageFor,
    documents,
    workspace,
    analyses,
    isForeign: foreign,
    dialectProblem(doc) {
      const p = resolve.problem(doc.lineText(0), doc.uri);
      return p && createDiagnostic(Codes.commandSetFile, 'error', p.message, p.range);
    },
    script(uri) {
      const doc = documents.get(uri);
      return doc && !foreign(doc) ? doc : undefined;
    },
    settings: () => settings,
    setSettings(s) {
      if (JSON.stringify(s) === JSON.stringify(settings)) return false;
      settings = s;
      analyses.clear();
      documents.redialect();
      return true;
    },
  };
}
