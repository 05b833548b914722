/**
 * The formatter behind `mm fmt` and the language server's document
 * formatting: each line's words joined by one space, command words and
 * keywords written out in full (`vm conf snap t` becomes `vm config
 * snapshot true`), no indentation or trailing blanks, comments kept. A line
 * is rewritten only when it matched a command and its rewrite compiles to
 * the same commands; other lines only lose their surrounding blanks.
 * Formatting a formatted script changes nothing.
 */
import { commandChain, type Line } from './ast.js';
import type { CompileResult } from './compile-result.js';
import { chosenOption } from './matching/build.js';

/** A line's formatted text (without its line break). */
export function formatLine(line: Line, compile: (text: string) => CompileResult): string {
  const trimmed = line.text.replace(/^[ \t]+|[ \t\r]+$/g, '');
  if (line.status === 'empty') return '';
  if (line.status !== 'command' || !line.command) return trimmed;
  const words = line.words.map((w) => w.raw);
  for (const c of commandChain(line.command)) {
    for (let k = 0; k < c.words.length; k++) {
      const word = c.words[k]!;
      const item = c.items[c.wordItems[k]!];
      // Only plain words are written out: a quoted or escaped keyword stays as typed.
      if (!item || word.raw !== word.value) continue;
      const full = item.type === 'literal' ? item.text : item.type === 'choice' ? chosenOption(item.options, word.value) : undefined;
      // The line's word at the same place (an alias's expansion has none: it stays as typed).
      const at = line.words.findIndex((w) => w.range.start.character === word.range.start.character && w.raw === word.raw);
      if (full && at >= 0) words[at] = full;
    }
  }
  const comment = line.comment ? line.comment.text.replace(/[ \t\r]+$/, '') : '';
  const text = words.join(' ') + (comment === '' ? '' : words.length > 0 ? ` ${comment}` : comment);
  if (text === trimmed) return trimmed;
  // Safety net: a rewrite that would not compile to the same commands is not made.
  const before = compile(line.text);
  const after = compile(text);
  return after.kind === 'command' && before.kind === 'command' && sameChain(before, after) ? text : trimmed;
}

/** Whether two compile results matched the same handlers and patterns, level by level. */
function sameChain(a: Extract<CompileResult, { kind: 'command' }>, b: Extract<CompileResult, { kind: 'command' }>): boolean {
  const x = [...commandChain(a.command)];
  const y = [...commandChain(b.command)];
  return x.length === y.length && x.every((c, i) => c.handler === y[i]!.handler && c.pattern === y[i]!.pattern);
}
