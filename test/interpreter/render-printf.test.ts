import { describe, expect, it } from 'vitest';
import { goSprintfNoArgs } from '../../interpreter/render/printf.js';

describe('goSprintfNoArgs (Go Printf with no operands, minicli 5.3)', () => {
  it.each([
    ['plain text', 'plain text'],
    ['%%', '%'],
    ['a%%b%%', 'a%b%'],
    ['100%', '100%!(NOVERB)'],
    ['50%d', '50%!d(MISSING)'],
    ['50% off', '50%!o(MISSING)ff'],
    ['%5.2f', '%!f(MISSING)'],
    ['pct%s', 'pct%!s(MISSING)'],
    ['{"fmt":"%d"}', '{"fmt":"%!d(MISSING)"}'],
  ])('verified: %j → %j', (input, want) => {
    expect(goSprintfNoArgs(input)).toBe(want);
  });

  it.each([
    ['%*d', '%!(BADWIDTH)%!d(MISSING)'],
    ['%.*d', '%!(BADPREC)%!d(MISSING)'],
    ['%*.*f', '%!(BADWIDTH)%!(BADPREC)%!f(MISSING)'],
    ['%[1]v', '%!v(BADINDEX)'],
    ['%[2]d x', '%!d(BADINDEX) x'],
    ['%[x]d', '%!d(BADINDEX)'],
    ['%[1]5d', '%!d(BADINDEX)'],
    ['%[abc', '%!a(BADINDEX)bc'],
    ['%[', '%!(NOVERB)'],
    ['%[1]', '%!(NOVERB)'],
  ])('width/precision/index: %j → %j', (input, want) => {
    expect(goSprintfNoArgs(input)).toBe(want);
  });

  it.each([
    ['%-+# 0x', '%!x(MISSING)'],
    ['% ', '%!(NOVERB)'],
    ['%5%', '%'],
    ['%-5%|', '%|'],
    ['%.', '%!.(MISSING)'],
    ['%.d', '%!d(MISSING)'],
    ['%!', '%!!(MISSING)'],
    ['%é', '%!é(MISSING)'],
    ['%😀x', '%!😀(MISSING)x'],
    ['%\n', '%!\n(MISSING)'],
    ['%1234567d', '%!d(MISSING)'],
    // Go gives up on numbers over 1e6 and skips to the end of the format.
    ['%12345678d tail', '%!(NOVERB)'],
    ['%v%v', '%!v(MISSING)%!v(MISSING)'],
  ])('flags and oddities: %j → %j', (input, want) => {
    expect(goSprintfNoArgs(input)).toBe(want);
  });
});
