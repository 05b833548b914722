/**
 * One language service per dialect, each made when first asked for and kept
 * (with all it remembers) by the object: what a front end that reads files
 * of either dialect holds (`mm check`, a language server).
 */
import type { Dialect } from './dialect.js';
import { dialectOfScript } from './dialect-directive.js';
import { createLanguageService, type LanguageService } from './service.js';

/** Language services by dialect. */
export class DialectServices {
  private readonly services = new Map<Dialect, LanguageService>();

  /** The service of a dialect. */
  of(dialect: Dialect): LanguageService {
    let s = this.services.get(dialect);
    if (!s) this.services.set(dialect, (s = createLanguageService(dialect)));
    return s;
  }

  /** The service for a script: its directive's dialect, else `fallback` (a setting; 2.3 by default). */
  forScript(text: string, fallback?: Dialect): LanguageService {
    return this.of(dialectOfScript(text, fallback));
  }
}
