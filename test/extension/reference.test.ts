import { describe, expect, it } from 'vitest';
import { renderCommandReference } from '../../language/index.js';

describe("the extension's Show Command Reference text", () => {
  const text = renderCommandReference('editor');

  it('covers both dialects and tells a script writer how a file chooses', () => {
    expect(text).toContain('minimega 2.3 and minimega 3.1');
    expect(text).toContain('`# minimega: 3.1`');
    expect(text).toContain('`minimega.dialect`');
    expect(text).toContain('### `vm top`');
  });

  it('opens with no note for developers and no link into the repository docs', () => {
    expect(text).not.toContain('do not edit by hand');
    expect(text).not.toContain('npm run docs');
    expect(text).not.toContain('](language.md');
  });
});
