/**
 * Builds the handler of one generated `vm config <field>` command (the
 * `vmconfiger` family): they all print the field without a value and set it
 * with one, so only their texts differ.
 */
import type { ArgSpec, DeprecatedForm, HandlerChange, HandlerSpec } from '../types.js';
import { example, nsConfig, paras, showOrSet } from './doc-text.js';
import { configParam } from './vmconfig-params.js';

/** The texts of one field handler. */
export interface FieldText {
  readonly summary: string;
  /** What `vm config <field>` prints, completing "prints ...". */
  readonly shows: string;
  /** Paragraphs between the show/set sentence and the namespace paragraph. */
  readonly about?: readonly string[];
  readonly examples: readonly string[];
  /** Paragraphs after the example: errors, quirks. */
  readonly after?: readonly string[];
  /** The `value` argument; for `[true,false]` fields, what `true` and `false` mean. */
  readonly arg: ArgSpec | { readonly on: string; readonly off: string };
  readonly since23?: HandlerChange;
  readonly quirks?: readonly string[];
  readonly deprecated?: DeprecatedForm;
}

/** The handler of `vm config <name>` with the given patterns and texts. */
export function configField(name: string, patterns: readonly string[], t: FieldText): HandlerSpec {
  const p = configParam(name);
  const args: Record<string, ArgSpec> =
    'on' in t.arg
      ? {
          true: { summary: t.arg.on, doc: 'Omit `true`/`false` to print the current setting.' },
          false: { summary: t.arg.off, doc: 'Omit `true`/`false` to print the current setting.' },
        }
      : // 3.1 parses numeric fields when they are set: a bad value fails the command itself.
        { value: p.check === 'uint' || p.check === 'int' ? { rejected: 'when-set', ...t.arg } : t.arg };
  return {
    id: p.handler,
    group: 'vmconfiger',
    category: 'local',
    patterns,
    summary: t.summary,
    doc: paras(showOrSet(p, t.shows), ...(t.about ?? []), nsConfig, 'Example:', example(...t.examples), ...(t.after ?? [])),
    args,
    ...(t.since23 ? { since23: t.since23 } : {}),
    ...(t.quirks ? { quirks: t.quirks } : {}),
    ...(t.deprecated ? { deprecated: t.deprecated } : {}),
  };
}

/** The change note of a field whose 2.3 command only had another argument name. */
export function sameAs23(id: string): HandlerChange {
  return { kind: 'changed', from: id, note: 'Same as in 2.3 except the argument name (`value`).' };
}

/** The change note of a field that 2.3 did not have. */
export const newIn31: HandlerChange = { kind: 'added', note: 'New in 3.1.' };
