import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyAliasCommands,
  changesAliases,
  createLanguageService,
  dialect23,
  dialect31,
  lexLine,
  type Dialect,
  type LanguageService,
} from '../../language/index.js';
import { LineBuilder } from '../../language/built-line.js';
import { OtherDialects } from '../../language/dialect-hint.js';
import { dialects } from '../../language/dialect.js';
import { lineJson } from '../../language/incremental/json-recipe.js';
import { LineDescriptions } from '../../language/incremental/line-descriptions.js';
import { LineStore } from '../../language/incremental/line-store.js';
import { ValueChecks } from '../../language/validation/values.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

/** Each line built on its own, aliases applied in order: what `mm parse` must print. */
function alone(service: LanguageService, texts: readonly string[]): { json: string; ok: boolean }[] {
  const aliases = new Map<string, string>();
  return texts.map((t) => {
    const line = service.buildLine(t, 0, lexLine(t), aliases, false);
    if (changesAliases(line)) applyAliasCommands(line.command!, aliases);
    return { json: lineJson(line), ok: line.status !== 'error' };
  });
}

/** Described as `mm parse` does: in slices, aliases carried across them. */
function described(service: LanguageService, texts: readonly string[], slice = 1000): { json: string; ok: boolean }[] {
  const aliases = new Map<string, string>();
  const out: { json: string; ok: boolean }[] = [];
  for (let at = 0; at < texts.length; at += slice) out.push(...service.describeLines(texts.slice(at, at + slice), aliases));
  return out;
}

function mismatches(texts: readonly string[], got: readonly { json: string; ok: boolean }[], want: readonly { json: string; ok: boolean }[]): string[] {
  const out: string[] = [];
  texts.forEach((t, i) => {
    if (got[i]!.json !== want[i]!.json || got[i]!.ok !== want[i]!.ok) out.push(`${t}\n  got  ${got[i]!.json}\n  want ${want[i]!.json}`);
  });
  return out;
}

/** A line store and its descriptions over a builder that counts the lines it builds. */
function counted(dialect: Dialect = dialect23): { descriptions: LineDescriptions; builds: () => number } {
  let builds = 0;
  const compiler = dialect.createCompiler();
  const builder = new (class extends LineBuilder {
    override build(...args: Parameters<LineBuilder['build']>) {
      builds++;
      return super.build(...args);
    }
  })(compiler, new ValueChecks(), new OtherDialects(dialect, compiler, dialects));
  return { descriptions: new LineDescriptions(new LineStore(builder, dialect.catalog)), builds: () => builds };
}

/** Numbers in place of every digit run, from a seed: texts of the same shapes as `texts`. */
function renumbered(texts: readonly string[], seed: number): string[] {
  let x = seed;
  const digit = (): string => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return String(x % 10);
  };
  return texts.map((t) => t.replace(/[0-9]/g, digit));
}

describe('mm parse descriptions', () => {
  const service = createLanguageService();

  it('lines of one shape, accepted or rejected, say what each says alone', () => {
    service.clearCaches();
    const texts = [
      'vm config memory 512',
      'vm config memory 2048',
      'vm lanch kvm web12',
      'vm lanch kvm web13',
      'vm lanch kvm web99 # try 7',
      'tap crate 101',
      'tap crate 107',
      'vm launch kvm a[1-3]',
      'vm launch kvm a[4-9]',
      '# step 1',
      '# step 2',
      '  vm config vcpus 3  ',
      '  vm config vcpus 4  ',
      'router r1 dhcp 10.0.0.0 range 10.0.0.10 10.0.0.99',
      'router r2 dhcp 10.1.0.0 range 10.1.0.11 10.1.0.98',
      'namespace exp1 vm lanch kvm x1',
      'namespace exp2 vm lanch kvm x2',
    ];
    expect(mismatches(texts, service.describeLines(texts, new Map()), alone(service, texts))).toEqual([]);
    // A second time, every text from what the first pass kept.
    expect(mismatches(texts, service.describeLines(texts, new Map()), alone(service, texts))).toEqual([]);
  });

  it('a digit that decides the match (qcow2), quotes and escapes keep each line its own', () => {
    service.clearCaches();
    const texts = [
      'disk create qcow3 a1.img',
      'disk create qcow2 a1.img',
      'disk create qcow2 a2.img',
      'disk create qcow9 a2.img',
      'vm lanch "web1"',
      'vm lanch "web2"',
      'vm lanch web\\1',
      'vm lanch web\\2',
      "vm lanch 'a1",
      "vm lanch 'a2",
    ];
    expect(mismatches(texts, service.describeLines(texts, new Map()), alone(service, texts))).toEqual([]);
  });

  it('an alias takes effect on the lines after it, in the slice and the next ones', () => {
    service.clearCaches();
    const texts = ['vmr 1', 'vm info', '.alias vmr=vm config memory', 'vmr 1', 'vmr 2', 'vm info', '.unalias vmr', 'vmr 1', 'vmr 3', 'vm info'];
    for (const slice of [1, 3, 100]) {
      service.clearCaches();
      expect(mismatches(texts, described(service, texts, slice), alone(service, texts))).toEqual([]);
    }
  });

  it('a rejected shape is built twice (its first line, and once with its digits marked), however many lines it has', () => {
    for (const n of [10, 1000]) {
      const { descriptions, builds } = counted();
      const texts = Array.from({ length: n }, (_v, i) => `vm lanch kvm web${1000 + i}`);
      const got = descriptions.describe(texts, new Map());
      expect(got.every((d) => !d.ok)).toBe(true);
      expect(got[n - 1]!.json).toContain(`invalid command: \`vm lanch kvm web${999 + n}\``);
      expect(builds()).toBe(2);
    }
  });

  it('a shape with a template is built once, and a repeated text described once, however many lines', () => {
    for (const n of [10, 1000]) {
      const { descriptions, builds } = counted();
      const texts = Array.from({ length: n }, (_v, i) => `vm config memory ${1000 + (i % 50)}`);
      const got = descriptions.describe(texts, new Map());
      expect(builds()).toBe(1);
      // One description per text (its JSON made from the shape's recipe when read), the same each time.
      if (n > 50) expect(got[50]).toBe(got[0]);
      expect(got[n - 1]!.json).toBe(got[n - 1]!.json);
      expect(JSON.parse(got[n - 1]!.json).input).toBe(texts[n - 1]);
    }
  });
});

describe.skipIf(!hasShared).each([
  ['2.3', dialect23],
  ['3.1', dialect31],
])('mm parse descriptions of the %s oracle lines', (version, dialect) => {
  const service = createLanguageService(dialect);
  const texts = (): string[] => readFileSync(sharedPath(`oracle/generated-${version}.txt`), 'utf8').split('\n');

  it('every one of the 20,000 lines is described as it would be alone', () => {
    service.clearCaches();
    const t = texts();
    expect(mismatches(t, described(service, t), alone(service, t)).slice(0, 5)).toEqual([]);
  });

  it('so is every line renumbered (other texts of the same shapes, after the shapes are known)', () => {
    const t = renumbered(texts(), 7);
    expect(mismatches(t, described(service, t), alone(service, t)).slice(0, 5)).toEqual([]);
  });
});
