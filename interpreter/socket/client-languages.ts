/**
 * What `mm` checks before a line goes to a daemon, per dialect: the line is
 * compiled with `mm`'s own language of that dialect (as minimega 2.3's
 * `-e`/`-attach` compile with their own command table), and only a line
 * that compiles is sent. The aliases a session's lines define are followed,
 * so a script's `.alias` works for its later lines.
 *
 * minimega 3.1's language is not wired into `mm`'s matcher yet (issue 13):
 * until it is, 3.1 lines are sent as minimega 3.1's own `-attach` sends
 * them (trimmed, blank lines skipped) and the daemon's compile errors come
 * back as error frames.
 */
import { applyAliasCommands, commandChain, createLanguageService } from '../../language/index.js';
import type { SocketDialect } from './protocol.js';

/** What to do with one line before it goes to the daemon. */
export type LineCheck =
  /** Nothing to send (a blank or comment line). */
  | { readonly kind: 'skip' }
  /** The line does not compile: not sent; a script stops there, as `read` would. */
  | { readonly kind: 'invalid'; readonly error: string }
  /** Send `text`; call `sent` once the daemon has answered (aliases it defines take effect). */
  | { readonly kind: 'send'; readonly text: string; readonly quits: boolean; readonly sent: () => void };

/** Checks the lines of one session or script, in order. */
export interface LineChecker {
  check(line: string): LineCheck;
}

/** The client-side language of a dialect. */
export interface ClientLanguage {
  /** Whether lines are compiled before they are sent (false: sent as typed). */
  readonly compiles: boolean;
  /** A checker for one session (it keeps the aliases the session's lines define). */
  createChecker(): LineChecker;
}

const QUIT = /^quit(\s|$)/;

/** minimega 2.3: compile with `mm`'s 2.3 language. */
const language23: ClientLanguage = {
  compiles: true,
  createChecker() {
    const language = createLanguageService();
    const aliases = new Map<string, string>();
    return {
      check(line) {
        const r = language.compile(line, aliases);
        switch (r.kind) {
          case 'empty':
          case 'comment':
            return { kind: 'skip' };
          case 'lexError':
          case 'noMatch':
            return { kind: 'invalid', error: r.error };
          case 'command': {
            const quits = [...commandChain(r.command)].some((c) => c.handler.role === 'quit');
            return { kind: 'send', text: line, quits, sent: () => applyAliasCommands(r.command, aliases) };
          }
        }
      },
    };
  },
};

/** As minimega 3.1's `-attach` sends lines: trimmed, blank lines skipped, the rest as typed. */
const asTyped: ClientLanguage = {
  compiles: false,
  createChecker: () => ({
    check(line) {
      const text = line.trim();
      if (text === '') return { kind: 'skip' };
      return { kind: 'send', text, quits: QUIT.test(text), sent: () => undefined };
    },
  }),
};

/** The client-side language of each dialect. */
export const CLIENT_LANGUAGES: Readonly<Record<SocketDialect, ClientLanguage>> = {
  '2.3': language23,
  '3.1': asTyped,
};
