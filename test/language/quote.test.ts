import { describe, expect, it } from 'vitest';
import { lexCommandText } from '../../language/lexing/lex.js';
import { quoteAlways, quoteWord } from '../../language/text.js';

const values = [
  'plain',
  '',
  'a b',
  'tab\there',
  'new\nline',
  'cr\rx',
  'q"uote',
  "ap'os",
  'back\\slash',
  '#hash',
  'x#y',
  '\u0007bell',
  '\u00a0nbsp',
  'é',
  '😀 x',
];

describe('quoteWord', () => {
  it.each(values)('the lexer reads %j back as one word with the same value', (v) => {
    for (const q of [quoteWord(v), quoteAlways(v)]) {
      const lexed = lexCommandText(q);
      expect(lexed.error).toBeNull();
      expect(lexed.words.map((w) => w.value)).toEqual([v]);
    }
  });

  it('leaves words that need no quotes alone', () => {
    expect(quoteWord('web[1-3]')).toBe('web[1-3]');
    expect(quoteWord('a b')).toBe('"a b"');
  });
});
