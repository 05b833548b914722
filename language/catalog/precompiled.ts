/**
 * The built-in catalogs' compiled patterns, when the build worked them out
 * ahead: scripts/build.mjs gives this module, in the bundles it makes, the
 * value of `precompileHandlers` over each catalog's handlers (as JSON, which
 * V8 reads much faster than a command's cold start-up compiles the patterns;
 * each dialect's is parsed when its catalog is first compiled).
 * Running from source, it is undefined and the catalogs compile at load.
 */
import type { PrecompiledHandler } from './types.js';

/** By dialect version; undefined when not built ahead. */
export const precompiledCatalogs: Readonly<Record<'2.3' | '3.1', readonly PrecompiledHandler[]>> | undefined = undefined;
