/**
 * `help [command]...`: minicli's help, with our own texts from the catalog
 * (short help = summary, long help = doc), grouped by shared prefix.
 */
import { compiledHandlers, type CompiledHandler, lexCommandText, renderPattern } from '../../language/index.js';
import { renderHelpShortList } from '../render/tabpad.js';
import { list, reply, type Handler } from './types.js';

interface Group {
  readonly prefix: string;
  readonly handlers: CompiledHandler[];
}

const groups: Group[] = (() => {
  const byPrefix = new Map<string, CompiledHandler[]>();
  for (const h of compiledHandlers) {
    const g = byPrefix.get(h.sharedPrefix);
    if (g) g.push(h);
    else byPrefix.set(h.sharedPrefix, [h]);
  }
  return [...byPrefix].map(([prefix, handlers]) => ({ prefix, handlers }));
})();

function longHelp(hs: readonly CompiledHandler[], body: string): string {
  const usage = hs.flatMap((h) => h.patterns.map((p) => `\t${renderPattern(p.items)}`));
  return ['Usage:', ...usage, '', body.trim()].join('\n');
}

function perPattern(hs: readonly CompiledHandler[]): { key: string; short: string }[] {
  return hs.flatMap((h) => h.patterns.map((p) => ({ key: renderPattern(p.items), short: h.spec.summary })));
}

/** The help text for `help <text>`. */
export function helpText(text: string): string {
  const lexed = lexCommandText(text);
  if (lexed.error) return `Error parsing help input: ${lexed.error.message}`;
  if (text !== '') {
    const exact = groups.find((g) => g.prefix === text);
    if (exact) {
      if (exact.handlers.length === 1) return longHelp(exact.handlers, exact.handlers[0]!.spec.doc);
      return renderHelpShortList(perPattern(exact.handlers));
    }
  }
  const selected = groups.filter((g) => g.prefix.startsWith(text));
  if (selected.length === 0) return `no help entry for \`${text}\``;
  if (selected.length === 1 && selected[0]!.handlers.length === 1) {
    const h = selected[0]!.handlers[0]!;
    return longHelp([h], h.spec.doc);
  }
  const entries = selected.flatMap((g) => (g.handlers.length === 1 ? [{ key: g.prefix, short: g.handlers[0]!.spec.summary }] : perPattern(g.handlers)));
  return renderHelpShortList(entries);
}

export const helpHandlers: Record<string, Handler> = {
  help: (ctx) => reply(ctx, helpText(list(ctx, 'command').join(' '))),
};
