import { describe, expect, it } from 'vitest';
import { itemStem, LaunchedNames } from '../../language/launched-names.js';
import { Codes, createLanguageService } from '../../language/index.js';

const { checkScript, parseScript } = createLanguageService();

/** Duplicate-launch findings of a script, as `line:start-end message`. */
function duplicates(text: string): string[] {
  return checkScript(parseScript(text).script)
    .filter((d) => d.code === Codes.duplicateLaunch)
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
}

describe('launched names (language/launched-names.ts)', () => {
  it('stems drop trailing digits and signs, and everything from the first [', () => {
    expect(['web12', 'web12-[1-8]', 'db', 'a1-', 'x[1-2]y', 'n-2', '12', 'c+1'].map(itemStem)).toEqual(['web', 'web', 'db', 'a', 'x', 'n', '', 'c']);
  });

  it('ranges are expanded only once two lines launch the same stem', () => {
    const names = new LaunchedNames();
    expect(names.launch({ text: 'web[1-4]', start: 0, end: 8 }, 0)).toBeUndefined();
    expect(names.launch({ text: 'db1', start: 0, end: 3 }, 1)).toBeUndefined();
    expect(names.launch({ text: 'web[3-6]', start: 0, end: 8 }, 2)).toEqual([
      { name: 'web3', before: 0 },
      { name: 'web4', before: 0 },
    ]);
    // The latest line that launched a name is the one reported next.
    expect(names.launch({ text: 'web4', start: 0, end: 4 }, 3)).toEqual([{ name: 'web4', before: 2 }]);
  });

  it('names of one line are no duplicates of each other, whichever stem they share', () => {
    const names = new LaunchedNames();
    expect(names.launch({ text: 'a1', start: 0, end: 2 }, 5)).toBeUndefined();
    expect(names.launch({ text: 'a[1-2]', start: 3, end: 9 }, 5)).toBeUndefined();
    expect(names.launch({ text: 'a2', start: 0, end: 2 }, 6)).toEqual([{ name: 'a2', before: 5 }]);
  });

  it('names that only look alike by stem are no duplicates; padded and unpadded numbers differ', () => {
    expect(duplicates('vm launch kvm web1[0-2]\nvm launch kvm web10,web3\nvm launch kvm n[01-02]\nvm launch kvm n1,n02\n')).toEqual([
      '1:14-19 `web10` is already launched (line 1)',
      '3:17-20 `n02` is already launched (line 3)',
    ]);
  });

  it('groups the names of one range in one finding, per namespace, and forgets them on vm flush', () => {
    expect(duplicates('vm launch kvm web[1-4]\nnamespace a vm launch kvm web[1-4]\nvm launch kvm x,web[2-5]\nvm flush\nvm launch kvm web1\n')).toEqual([
      '2:16-24 `web2`, `web3`, `web4` are already launched (line 1)',
    ]);
  });
});
