/**
 * Staged minirouter configurations (`router`, `clear router`), one per VM.
 * Each setting is kept as the words of the `router` form that made it, so
 * the listing shows what to type to recreate it; `commit` marks the staged
 * settings as sent to the VM.
 */

/** One staged setting: its section path (what `clear router` narrows by) and its words. */
export interface RouterSetting {
  /** `interface`, `dhcp`, `dns`, `upstream`, `ra`, `route static`, `route ospf` or `log`. */
  readonly section: string;
  /** The keys `clear router` may name after the section, outermost first (e.g. listen address, `static`, mac). */
  readonly keys: readonly string[];
  /** The words after `router <vm>`. */
  readonly words: string;
  committed: boolean;
}

export class RouterConfig {
  settings: RouterSetting[] = [];

  /** Adds or replaces the setting with the same section and keys. */
  set(section: string, keys: readonly string[], words: string): void {
    const same = (s: RouterSetting): boolean => s.section === section && s.keys.length === keys.length && s.keys.every((k, i) => k === keys[i]);
    const i = this.settings.findIndex(same);
    const setting = { section, keys, words, committed: false };
    if (i >= 0) this.settings[i] = setting;
    else this.settings.push(setting);
  }

  /** Removes the settings of a section whose keys start with `keys`. */
  clear(section: string | undefined, keys: readonly string[]): void {
    this.settings = this.settings.filter(
      (s) => !((section === undefined || s.section === section || s.section.startsWith(section + ' ')) && keys.every((k, i) => s.keys[i] === k)),
    );
  }

  commit(): void {
    for (const s of this.settings) s.committed = true;
  }
}
