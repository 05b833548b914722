import { describe, expect, it } from 'vitest';
import { groupRunErrors } from '../../vscode-extension/src/run-results.js';

describe('run results next to the script (vscode-extension/src/run-results.ts)', () => {
  it('one labelled result per line; the same error from several hosts is counted once', () => {
    const errors = [
      { line: 4, message: 'vm not found: router' },
      { line: 2, message: 'cc: no such client' },
      { line: 2, message: 'cc: no such client' },
      { line: 2, message: 'cc: no such client' },
      { line: 4, message: 'vm not found: router' },
      { line: 4, message: 'unknown host: `ccc1`' },
    ];
    expect(groupRunErrors(errors)).toEqual([
      { line: 2, message: 'Last run: cc: no such client (3 times)' },
      { line: 4, message: 'Last run: vm not found: router (2 times); unknown host: `ccc1`' },
    ]);
  });

  it('nothing for a run without errors', () => {
    expect(groupRunErrors([])).toEqual([]);
  });
});
