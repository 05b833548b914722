/** Commands by name, each loaded when it is used. */
import type { CommandSpec } from './command-spec.js';

/** A set of commands, in the order `mm help` lists them. */
export class CommandTable {
  constructor(readonly loaders: Readonly<Record<string, () => Promise<CommandSpec>>>) {}

  /** The command called `name`, loaded; undefined when there is none. */
  load(name: string): Promise<CommandSpec | undefined> {
    return Object.hasOwn(this.loaders, name) ? this.loaders[name]!() : Promise.resolve(undefined);
  }

  /** Every command, loaded (for `mm help`). */
  loadAll(): Promise<CommandSpec[]> {
    return Promise.all(Object.values(this.loaders).map((load) => load()));
  }
}
