/**
 * A dialect of minimega's command language: its catalog and its way of
 * compiling a line (Compile and matcher). A language service is made for one
 * dialect; what differs between dialects lives behind this interface, not in
 * checks spread through the code.
 */
import { catalog23, type Catalog } from './catalog/index.js';
import type { LineCompiler } from './compile-result.js';
import { Compiler23 } from './compile.js';

/** One dialect: a catalog and a maker of compilers over it. */
export interface Dialect {
  /** The minimega version it follows (`2.3`). */
  readonly version: string;
  readonly catalog: Catalog;
  /** A compiler for this dialect (each remembers what it learns as lines come, so each service makes its own). */
  createCompiler(): LineCompiler;
}

/** minimega 2.3: its catalog, minicli's Compile and closest match. */
export const dialect23: Dialect = {
  version: '2.3',
  catalog: catalog23,
  createCompiler: () => new Compiler23(catalog23),
};
