/**
 * Small helpers shared by the features: converting diagnostics, finding the
 * word under the cursor, and making requests cancellable.
 */
import { DiagnosticSeverity, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { commandChain, type Command, type Line, type Word, type Diagnostic, type Severity, type PatternItem } from '../language/index.js';

/** The `source` shown with every diagnostic. */
export const SOURCE = 'mm';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Converts a language diagnostic (ranges already on the right line). */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
  };
}

/** A word of a matched command, with the pattern item it matched. */
export interface LocatedWord {
  readonly command: Command;
  /** Index in `command.words`. */
  readonly index: number;
  readonly word: Word;
  readonly item: PatternItem;
  /** 0 for the line's command, 1 for its nested command, ... */
  readonly depth: number;
}

/** The word of a matched line under a character offset (its end included). */
export function locateWord(line: Line, character: number): LocatedWord | undefined {
  let depth = 0;
  for (const c of commandChain(line.command)) {
    for (let i = 0; i < c.words.length; i++) {
      const w = c.words[i]!;
      if (w.range.start.character <= character && character <= w.range.end.character) {
        const item = c.items[c.wordItems[i]!];
        if (item) return { command: c, index: i, word: w, item, depth };
      }
    }
    depth++;
  }
  return undefined;
}

/** Thrown inside a handler when its request was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('request cancelled');
  }
}

/** Throws `Cancelled` when the token is cancelled (call it in long loops). */
export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}

/**
 * Wraps a request handler so that a cancelled request answers the
 * RequestCancelled error, before it starts or from inside its loops.
 */
export function cancellable<P, R>(handler: (params: P, token: CancellationToken) => R): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) => {
    try {
      checkCancelled(token);
      return handler(params, token);
    } catch (e) {
      if (e instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      throw e;
    }
  };
}
