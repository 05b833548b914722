/**
 * The catalog: every minimega 2.3 handler in registration order, with its
 * patterns compiled once. Matching results depend on this order.
 */
import type { HandlerSpec, PrecompiledHandler } from './types.js';
import { compilePattern, type PatternItem } from '../patterns.js';
import { precompiledCatalogs } from './precompiled.js';
import { decodeItem, encodeItem } from './precompiled-items.js';
import { builtinHandlers } from './data/builtin.js';
import { namespaceHandlers } from './data/namespace.js';
import { bridgeHandlers } from './data/bridge.js';
import { captureHandlers } from './data/capture.js';
import { ccHandlers } from './data/cc.js';
import { deployHandlers } from './data/deploy.js';
import { diskHandlers } from './data/disk.js';
import { dnsmasqHandlers } from './data/dnsmasq.js';
import { dotHandlers } from './data/dot.js';
import { externalHandlers } from './data/external.js';
import { historyHandlers } from './data/history.js';
import { hostHandlers } from './data/host.js';
import { ioHandlers } from './data/io.js';
import { logHandlers } from './data/log.js';
import { meshageHandlers } from './data/meshage.js';
import { miscHandlers } from './data/misc.js';
import { nukeHandlers } from './data/nuke.js';
import { optimizeHandlers } from './data/optimize.js';
import { qosHandlers } from './data/qos.js';
import { routerHandlers } from './data/router.js';
import { shellHandlers } from './data/shell.js';
import { vlansHandlers } from './data/vlans.js';
import { vmHandlers } from './data/vm.js';
import { vmconfigHandlers } from './data/vmconfig.js';
import { vncHandlers } from './data/vnc.js';
import { vyattaHandlers } from './data/vyatta.js';
import { webHandlers } from './data/web.js';

export type { HandlerSpec, ArgSpec, ArgDomain, Category, PrecompiledHandler } from './types.js';

/** Every handler, in minimega 2.3 registration order. */
export const handlers: readonly HandlerSpec[] = [
  ...builtinHandlers,
  ...namespaceHandlers,
  ...bridgeHandlers,
  ...captureHandlers,
  ...ccHandlers,
  ...deployHandlers,
  ...diskHandlers,
  ...dnsmasqHandlers,
  ...dotHandlers,
  ...externalHandlers,
  ...historyHandlers,
  ...hostHandlers,
  ...ioHandlers,
  ...logHandlers,
  ...meshageHandlers,
  ...miscHandlers,
  ...nukeHandlers,
  ...optimizeHandlers,
  ...qosHandlers,
  ...routerHandlers,
  ...shellHandlers,
  ...vlansHandlers,
  ...vmHandlers,
  ...vmconfigHandlers,
  ...vncHandlers,
  ...vyattaHandlers,
  ...webHandlers,
];

/** A handler with its patterns compiled. */
export interface CompiledHandler {
  readonly index: number;
  readonly spec: HandlerSpec;
  readonly patterns: readonly CompiledPattern[];
  /** Longest common prefix of the patterns' leading literals (help grouping). */
  readonly sharedPrefix: string;
}

export interface CompiledPattern {
  readonly index: number;
  readonly text: string;
  readonly items: readonly PatternItem[];
}

function compileHandler(spec: HandlerSpec, index: number): CompiledHandler {
  const patterns = spec.patterns.map((text, i) => {
    const r = compilePattern(text);
    if (!r.ok) throw new Error(`invalid handler, ${spec.group}:${index} -- ${r.error}`);
    return { index: i, text, items: r.items };
  });
  return { index, spec, patterns, sharedPrefix: sharedPrefix(patterns) };
}

/** A handler from what `precompileHandlers` worked out for it. */
function precompiledHandler(spec: HandlerSpec, index: number, ahead: PrecompiledHandler): CompiledHandler {
  const patterns = spec.patterns.map((text, i) => ({ index: i, text, items: ahead[1][i]!.map(decodeItem) }));
  return { index, spec, patterns, sharedPrefix: ahead[0] };
}

function sharedPrefix(patterns: readonly CompiledPattern[]): string {
  const heads: string[] = [];
  for (const p of patterns) {
    const lits: string[] = [];
    for (const it of p.items) {
      if (it.type !== 'literal') break;
      lits.push(it.text);
    }
    if (lits.length === 0) return '';
    heads.push(lits.join(' '));
  }
  let prefix = heads[0] ?? '';
  for (const h of heads) {
    let i = 0;
    while (i < prefix.length && i < h.length && prefix[i] === h[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.trim();
}

/**
 * One dialect's catalog: its handlers in registration order with their
 * patterns compiled. Immutable: what is worked out from it lazily belongs to
 * the objects that use it (a matcher, a language service).
 */
export interface Catalog {
  readonly handlers: readonly CompiledHandler[];
  /** Looks a handler up by its id (`vm config net`, `vnc#2`, ...). */
  find(id: string): CompiledHandler | undefined;
}

/**
 * Compiles handler specs (in registration order) into a catalog; throws on an
 * invalid pattern. `ahead` is what `precompileHandlers` gave for the same
 * specs, when a build worked it out: it is used when it fits them.
 */
export function compileCatalog(specs: readonly HandlerSpec[], ahead?: readonly PrecompiledHandler[]): Catalog {
  const fits = ahead !== undefined && ahead.length === specs.length && specs.every((s, i) => ahead[i]![1].length === s.patterns.length);
  const compiled = fits ? specs.map((spec, i) => precompiledHandler(spec, i, ahead[i]!)) : specs.map(compileHandler);
  const byId = new Map(compiled.map((h) => [h.spec.id, h] as const));
  return { handlers: compiled, find: (id) => byId.get(id) };
}

/**
 * The compiled patterns of handler specs as plain data (JSON): what the build
 * works out for the built-in catalogs (`precompiled.ts`), so that a command's
 * start-up does not compile a few hundred patterns.
 */
export function precompileHandlers(specs: readonly HandlerSpec[]): PrecompiledHandler[] {
  return specs.map((spec, i) => {
    const h = compileHandler(spec, i);
    return [h.sharedPrefix, h.patterns.map((p) => p.items.map(encodeItem))];
  });
}

/**
 * A catalog compiled when first read. A command that never reads it (`mm
 * check` of a 2.3 script without a rejected line never asks 3.1's) does not
 * pay for compiling it at start-up.
 */
export function lazyCatalog(compile: () => Catalog): Catalog {
  let made: Catalog | undefined;
  const get = (): Catalog => (made ??= compile());
  return {
    get handlers() {
      return get().handlers;
    },
    find: (id) => get().find(id),
  };
}

/** minimega 2.3's catalog, built once at module load. */
export const catalog23: Catalog = compileCatalog(handlers, precompiledCatalogs?.['2.3']);

/** minimega 2.3's compiled handlers (`catalog23.handlers`). */
export const compiledHandlers: readonly CompiledHandler[] = catalog23.handlers;
