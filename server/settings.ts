/**
 * Settings read through `workspace/configuration` (section `minimega`).
 * Unknown or malformed values fall back to the defaults, which make the
 * server report exactly what `mm check` reports.
 */
import { dialectOf, namesCommandSetFile, type DialectVersion, type Severity } from '../language/index.js';

/** The server's settings. */
export interface Settings {
  readonly checks: {
    /** Severity of the script-level checks, or `off` to hide them. */
    readonly severity: Severity | 'off';
  };
  /** The dialect of documents without a `# minimega: X` first line; undefined: 2.3. */
  readonly dialect?: DialectVersion;
  /** Instead of `dialect`: a command set file (`mm catalog import`), an absolute path (a relative one is the server's working directory's). */
  readonly dialectFile?: string;
}

/** Defaults: script-level checks are warnings, as in `mm check`. */
export const DEFAULT_SETTINGS: Settings = { checks: { severity: 'warning' } };

const SEVERITIES: Record<string, Severity | 'off'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  off: 'off',
  none: 'off',
};

/** Reads settings from what the client sent (`minimega` section or the whole tree). */
export function parseSettings(raw: unknown): Settings {
  const root = isRecord(raw) && isRecord(raw.minimega) ? raw.minimega : raw;
  if (!isRecord(root)) return DEFAULT_SETTINGS;
  // Clients send either nested objects or dotted keys (`checks.severity`).
  const checks = isRecord(root.checks) ? root.checks : {};
  const value = checks.severity ?? root['checks.severity'];
  const severity = typeof value === 'string' ? SEVERITIES[value.toLowerCase()] : undefined;
  const written = typeof root.dialect === 'string' ? root.dialect.trim() : '';
  const dialect = dialectOf(written)?.version;
  const dialectFile = !dialect && namesCommandSetFile(written) ? written : undefined;
  return { checks: { severity: severity ?? DEFAULT_SETTINGS.checks.severity }, ...(dialect ? { dialect } : {}), ...(dialectFile ? { dialectFile } : {}) };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
