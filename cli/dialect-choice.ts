/**
 * Which dialect `mm check` and `mm parse` read a file in: `--dialect`, else
 * the file's `# minimega: X` first line, else 2.3. One language service per
 * dialect serves every file of a run.
 */
import { createLanguageService, dialectOf, dialectOfScript, type Dialect, type LanguageService } from '../language/index.js';
import type { OptionSpec } from './command-spec.js';
import { CliError } from './cli-io.js';

/** The `--dialect` option of the commands that read scripts. */
export const scriptDialectOption: OptionSpec = {
  type: 'string',
  value: '2.3|3.1',
  description: 'the minimega version the files are written for (default: a first line `# minimega: 3.1` says, else 2.3)',
};

/** The dialect `--dialect` names, or undefined when not given. */
export function dialectFlag(value: unknown): Dialect | undefined {
  if (value === undefined) return undefined;
  const d = typeof value === 'string' ? dialectOf(value) : undefined;
  if (!d) throw new CliError(`--dialect must be 2.3 or 3.1, not ${JSON.stringify(value)}`);
  return d;
}

/** Language services by dialect, each made when first needed. */
export class ScriptLanguages {
  private readonly services = new Map<Dialect, LanguageService>();

  constructor(private readonly flag: Dialect | undefined) {}

  /** The service for a file with this text. */
  for(text: string): LanguageService {
    const d = this.flag ?? dialectOfScript(text);
    let s = this.services.get(d);
    if (!s) this.services.set(d, (s = createLanguageService(d)));
    return s;
  }
}
