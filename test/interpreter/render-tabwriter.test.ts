import { describe, expect, it } from 'vitest';
import { renderHelpShortList, renderTabPadded } from '../../interpreter/render/tabpad.js';
import { renderTextTable } from '../helpers/render-table.js';
import { Tabwriter } from '../../interpreter/render/tabwriter.js';

// Expected strings below were checked against Go's text/tabwriter fed exactly as minicli feeds it.
const table = (lines: string[][]) => renderTextTable(lines[0]!, lines.slice(1), true);

describe('text tables: tabwriter corner cases (Appendix B.9)', () => {
  it('treats TAB and VT inside a cell as cell terminators', () => {
    expect(
      table([
        ['a', 'b'],
        ['x\ty', '1'],
      ]),
    ).toBe('a    | b\nx    y    | 1\n');
    expect(
      table([
        ['a', 'b'],
        ['x\vy', '1'],
      ]),
    ).toBe('a    | b\nx    y    | 1\n');
  });

  it('treats LF inside a cell as a line end', () => {
    expect(
      table([
        ['a', 'b'],
        ['x\ny', '1'],
      ]),
    ).toBe('a    | b\nx\ny    | 1\n');
  });

  it('keeps a column block across a shorter line, but FF always closes the block', () => {
    const lf = [
      ['a', 'b', 'c'],
      ['p', '1\n2', 'x'],
      ['longname', '3', 'y'],
    ];
    expect(table(lf)).toBe('a        | b  | c\np        | 1\n2        | x\nlongname | 3  | y\n');
    const ff = [
      ['a', 'b', 'c'],
      ['p', '1\f2', 'x'],
      ['longname', '3', 'y'],
    ];
    expect(table(ff)).toBe('a    | b  | c\np    | 1\n2        | x\nlongname | 3  | y\n');
  });

  it('handles lines with different cell counts (header absent, annotate on)', () => {
    expect(table([['host'], ['h', 'a', '1'], ['h', 'b', '2']])).toBe('host\nh    | a  | 1\nh    | b  | 2\n');
    expect(table([[], ['a', '1'], ['b', '2']])).toBe('\na    | 1\nb    | 2\n');
    expect(table([['a', 'b'], ['1', '2', '3'], ['4'], ['55555555', '6']])).toBe('a    | b\n1    | 2  | 3\n4\n55555555 | 6\n');
  });

  it('omits the header line when headers are off', () => {
    expect(renderTextTable(['name'], [['x']], false)).toBe('x\n');
  });
});

describe('Tabwriter stream semantics', () => {
  it('joins text across writes and writes a trailing unterminated line unpadded', () => {
    const tw = new Tabwriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: ' ' });
    tw.write('ab');
    tw.write('c\tx\n');
    tw.write('d\ty\nlast\tcell');
    expect(tw.flush()).toBe('abc  x\nd    y\nlast cell');
  });

  it('writeLine equals write of the TAB-joined line plus LF', () => {
    const a = new Tabwriter({ minwidth: 5, tabwidth: 0, padding: 1, padchar: ' ' });
    const b = new Tabwriter({ minwidth: 5, tabwidth: 0, padding: 1, padchar: ' ' });
    const rows = [['x', '| y\tz'], [], ['longer text', '| 2']];
    for (const r of rows) {
      a.writeLine(r);
      b.write(r.join('\t') + '\n');
    }
    expect(a.flush()).toBe(b.flush());
  });
});

describe('tab padding (help, minicli 6.2.1)', () => {
  it('follows each cell with ceil((W - L) / 8) tabs, none for a longest cell of 8', () => {
    expect(
      renderTabPadded([
        ['ab', 'x'],
        ['abcdefgh', 'y'],
      ]),
    ).toBe('ab\tx\nabcdefghy\n');
    expect(renderTabPadded([['a', 'bb', 'c'], ['abcdefghi', 'b', 'c'], [], ['z']])).toBe('a\t\tbb\tc\nabcdefghi\tb\tc\n\nz\n');
  });

  it('renders the verified short list shape, entries sorted by key', () => {
    const entries = [
      { key: 'vm info', short: 'display info about VMs' },
      { key: 'vm config memory', short: 'set memory' },
      { key: 'vm config disk', short: 'set disk' },
    ];
    expect(renderHelpShortList(entries)).toBe(
      'Display help on a command. Here is a list of commands:\n' +
        'vm config disk \t\t :\t set disk \t\t\n' +
        'vm config memory \t :\t set memory \t\t\n' +
        'vm info \t\t :\t display info about VMs \n',
    );
  });

  it('sorts keys in byte order and keeps tabs inside short texts as cells', () => {
    const entries = [
      { key: 'bcdefgh', short: 'z' },
      { key: 'a', short: 'x\ty' },
      { key: 'B', short: 'upper' },
    ];
    expect(renderHelpShortList(entries)).toBe(
      'Display help on a command. Here is a list of commands:\n' + 'B \t :\t upper \t\n' + 'a \t :\t x\ty \t\n' + 'bcdefgh  :\t z \t\n',
    );
  });
});
