/**
 * Which dialect `mm check` and `mm parse` read a file in: `--dialect`, else
 * the file's `# minimega: X` first line, else 2.3. One language service per
 * dialect serves every file of a run.
 */
import { DialectServices, dialectOf, type Dialect, type LanguageService } from '../language/index.js';
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

/** The language services of one run: `--dialect`'s for every file when given, else each file's own. */
export class ScriptLanguages {
  private readonly services = new DialectServices();

  constructor(private readonly flag: Dialect | undefined) {}

  /** The service for a file with this text. */
  for(text: string): LanguageService {
    return this.flag ? this.services.of(this.flag) : this.services.forScript(text);
  }
}
