/**
 * Command sets imported from `minimega -cli` outputs made of the shared
 * catalogs (cli-json.md 8: the real dumps have the same patterns in the same
 * order), kept as imported sets (`--no-builtin`): on the generated oracle
 * scripts they must give exactly what the built-in dialects give, line for
 * line and diagnostic for diagnostic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createCommandSet,
  createImportedDialect,
  createLanguageService,
  describeLine,
  dialect23,
  dialect31,
  readCliDump,
  type Dialect,
  type Diagnostic,
} from '../../../language/index.js';
import { dumpOfSharedCatalog, dumpText } from '../../helpers/cli-dumps.js';
import { hasShared, sharedPath } from '../../helpers/shared.js';

const cases = [
  // 3.1.0 names its release in `minimega -version`; 2.3 names only a revision, so its rules come from its patterns.
  { version: '3.1', builtin: dialect31, minimegaVersion: '3.1.0' },
  { version: '2.3', builtin: dialect23, minimegaVersion: undefined },
] as const;

const diag = (d: Diagnostic): string => `${d.code} ${d.severity} ${JSON.stringify(d.range)}`;

describe.skipIf(!hasShared)('imported command sets equal the built-in dialects on the oracle scripts', () => {
  for (const c of cases) {
    it(`minimega ${c.version}`, () => {
      const dump = readCliDump(dumpText(dumpOfSharedCatalog(c.version)));
      if (!dump.ok) throw new Error(dump.error);
      const set = createCommandSet(dump.handlers, { minimegaVersion: c.minimegaVersion, noBuiltin: true });
      expect(set.sameAs).toBe(c.version);
      expect(set.rules).toBe(c.version);
      expect(set.rulesFrom).toBe(c.minimegaVersion ? 'version' : 'patterns');
      const imported: Dialect = createImportedDialect(set);
      expect(imported).not.toBe(c.builtin);
      expect(imported.catalog).not.toBe(c.builtin.catalog);
      expect(imported.imported?.nearest).toBe(c.builtin);

      const input = readFileSync(sharedPath(`oracle/generated-${c.version}.txt`), 'utf8');
      const want = createLanguageService(c.builtin).parseScript(input);
      const got = createLanguageService(imported).parseScript(input);
      expect(got.script.lines.length).toBe(want.script.lines.length);
      const mismatches: string[] = [];
      got.script.lines.forEach((line, i) => {
        const g = JSON.stringify(describeLine(line));
        const w = JSON.stringify(describeLine(want.script.lines[i]!));
        if (g !== w) mismatches.push(`line ${i + 1}\n  got  ${g}\n  want ${w}`);
      });
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
      expect(got.diagnostics.map(diag)).toEqual(want.diagnostics.map(diag));
    });

    it(`minimega ${c.version}: the same set without --no-builtin is the built-in dialect`, () => {
      const set = createCommandSet(dumpOfSharedCatalog(c.version), { minimegaVersion: c.minimegaVersion });
      expect(set.useBuiltin).toBe(true);
      expect(createImportedDialect(set)).toBe(c.builtin);
    });
  }
});
