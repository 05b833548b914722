/**
 * The catalogs a build compiles ahead (scripts/build.mjs gives
 * language/catalog/precompiled.ts the JSON of `precompileHandlers`): read
 * back, they make the same catalogs as compiling the patterns at load, and
 * data that does not fit the handlers is not used.
 */
import { describe, expect, it } from 'vitest';
import { compileCatalog, handlers, lazyCatalog, precompileHandlers, type Catalog } from '../../language/catalog/index.js';
import { handlers31 } from '../../language/catalog/catalog-3.1.js';

/** A catalog as plain data (its handlers; `find` is a function). */
const plain = (c: Catalog): unknown => JSON.parse(JSON.stringify(c.handlers));

describe('catalogs compiled ahead', () => {
  for (const [version, specs] of [
    ['2.3', handlers],
    ['3.1', handlers31],
  ] as const) {
    it(`${version}: read back from JSON, give the catalog that compiling at load gives`, () => {
      const ahead = JSON.parse(JSON.stringify(precompileHandlers(specs)));
      const fromAhead = compileCatalog(specs, ahead);
      const atLoad = compileCatalog(specs);
      expect(fromAhead.handlers).toEqual(atLoad.handlers);
      expect(fromAhead.find('vm info')?.spec).toBe(atLoad.find('vm info')?.spec);
    });
  }

  it('are not used when they do not fit the handlers (another count of handlers or of patterns)', () => {
    const ahead = precompileHandlers(handlers);
    const wrong = ahead.map((h) => ['x', h[1].map(() => [])] as const);
    expect(plain(compileCatalog(handlers, ahead.slice(1)))).toEqual(plain(compileCatalog(handlers)));
    expect(plain(compileCatalog(handlers31, ahead))).toEqual(plain(compileCatalog(handlers31)));
    // The same counts: taken as they are (the build makes them from these very specs).
    expect(compileCatalog(handlers, wrong).handlers[0]!.sharedPrefix).toBe('x');
  });

  it('a lazy catalog compiles when first read, once, and is the same catalog', () => {
    let compiled = 0;
    const lazy = lazyCatalog(() => {
      compiled++;
      return compileCatalog(handlers31);
    });
    expect(compiled).toBe(0);
    expect(lazy.find('vm info')?.spec.id).toBe('vm info');
    expect(compiled).toBe(1);
    expect(plain(lazy)).toEqual(plain(compileCatalog(handlers31)));
    expect(lazy.handlers).toBe(lazy.handlers);
    expect(compiled).toBe(1);
  });
});
