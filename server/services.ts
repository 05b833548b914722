/**
 * The services every feature gets: documents, files, cached analyses and
 * settings, built in one function (no container). Tests and the server
 * wiring both call `createServices`.
 */
import { createLanguageService, type LanguageService } from '../language/index.js';
import { createAnalysisCache, type AnalysisCache } from './analysis.js';
import { isForeign, sniffLines } from './content-sniff.js';
import { createDocumentStore, type DocumentStore, type LineDocument } from './documents.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { createWorkspace, type Workspace } from './workspace.js';

/** What features depend on. */
export interface Services {
  /** The server's own language service (it remembers what it parsed). */
  readonly language: LanguageService;
  readonly documents: DocumentStore;
  readonly workspace: Workspace;
  readonly analyses: AnalysisCache;
  /** The open document at `uri` when it is a minimega script (an Objective-C++ `.mm` file is not). */
  script(uri: string): LineDocument | undefined;
  /** Whether an open document is clearly not minimega (worked out once per version). */
  isForeign(doc: LineDocument): boolean;
  settings(): Settings;
  /** Replaces the settings; true when they changed. */
  setSettings(s: Settings): boolean;
}

/** Builds the services with default settings. */
export function createServices(): Services {
  let settings = DEFAULT_SETTINGS;
  const language = createLanguageService();
  const documents = createDocumentStore(language);
  const workspace = createWorkspace(documents, language);
  const analyses = createAnalysisCache(workspace, language, () => settings);
  documents.onDidClose((uri) => analyses.forget(uri));
  // Another document may read the one that changed: its names must be looked up again.
  documents.onDidChange((doc) => {
    for (const other of documents.all()) if (other !== doc) analyses.forget(other.uri);
  });
  const verdicts = new WeakMap<object, boolean>();
  const foreign = (doc: LineDocument): boolean => {
    let v = verdicts.get(doc.stamp);
    if (v === undefined) verdicts.set(doc.stamp, (v = isForeign(sniffLines(doc.lines, () => false))));
    return v;
  };
  return {
    language,
    isForeign: foreign,
    script(uri) {
      const doc = documents.get(uri);
      return doc && !foreign(doc) ? doc : undefined;
    },
    documents,
    workspace,
    analyses,
    settings: () => settings,
    setSettings(s) {
      if (JSON.stringify(s) === JSON.stringify(settings)) return false;
      settings = s;
      analyses.clear();
      return true;
    },
  };
}
