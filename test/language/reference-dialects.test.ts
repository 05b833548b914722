/**
 * The command reference covers both dialects: every handler of each catalog
 * once, a command the same in both once, the others side by side.
 */
import { describe, expect, it } from 'vitest';
import { handlers31, handlersRemovedIn31 } from '../../language/catalog/catalog-3.1.js';
import { handlers } from '../../language/catalog/index.js';
import { renderCommandReference } from '../../language/catalog/reference.js';
import { referenceEntries } from '../../language/catalog/reference-entries.js';

const families = referenceEntries(handlers, handlers31, handlersRemovedIn31);
const entries = families.flatMap(([, list]) => list);
const entry = (id23: string | undefined, id31?: string) =>
  entries.find((e) => (id23 === undefined ? e.v23 === undefined : e.v23?.id === id23) && (id31 === undefined || e.v31.some((h) => h.id === id31)));

describe('the command reference of both dialects', () => {
  it('lists every handler of each catalog exactly once', () => {
    expect(entries.flatMap((e) => (e.v23 ? [e.v23.id] : [])).sort()).toEqual(handlers.map((h) => h.id).sort());
    expect(entries.flatMap((e) => e.v31.map((h) => h.id)).sort()).toEqual(handlers31.map((h) => h.id).sort());
  });

  it('pairs commands by the 3.1 catalog: unchanged, changed, dropped, new', () => {
    expect(entries.filter((e) => e.same).length).toBeGreaterThan(10);
    expect(entry('vm config net', 'vm config networks')).toMatchObject({ same: false });
    expect(entry('nsmod')).toMatchObject({ v31: [], removed: { id: 'nsmod' } });
    expect(entry(undefined, 'vm top')).toMatchObject({ same: false, v31: [{ id: 'vm top' }] });
  });

  it('says which dialect each form belongs to', () => {
    const text = renderCommandReference();
    const section = (name: string): string => {
      const start = text.indexOf(`### \`${name}\`\n`);
      return text.slice(start, text.indexOf('\n### ', start + 1));
    };
    expect(section('nsmod')).toMatch(/#### minimega 2\.3[\s\S]*#### minimega 3\.1\n\n\*Not in minimega 3\.1\.\*/);
    expect(section('vm top')).toContain('*minimega 3.1 only.*');
    expect(section('vm config net')).toContain('**`vm config networks`**');
    const same = entries.find((e) => e.same)!;
    expect(section(same.v23!.id.replace(/#\d+$/, ''))).toContain('*2.3 and 3.1.*');
  });
});
