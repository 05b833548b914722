/**
 * Which dialect `mm check` and `mm parse` read a file in: `--dialect`, else
 * the file's `# minimega: X` first line, else 2.3. `--dialect` and the first
 * line may name a command set file (`mm catalog import`) instead of a
 * version: `--dialect` relative to the working directory, the first line
 * relative to the script. One language service per dialect serves every
 * file of a run.
 */
import { dirname, resolve } from 'node:path';
import {
  createLanguageService,
  dialectOf,
  directiveNamesFile,
  namesCommandSetFile,
  readDialectDirective,
  dialect23,
  type Dialect,
  type LanguageService,
} from '../language/index.js';
import type { OptionSpec } from './command-spec.js';
import { CliError } from './cli-io.js';
import { CommandSetFiles } from './command-set-file.js';

/** The `--dialect` option of the commands that read scripts. */
export const scriptDialectOption: OptionSpec = {
  type: 'string',
  value: '2.3|3.1|FILE',
  description:
    'the minimega version the files are written for, or a command set file from `mm catalog import` (default: a first line `# minimega: 3.1` or `# minimega: FILE` says, else 2.3)',
};

/** The dialect `--dialect` names (a version or a command set file), or undefined when not given. */
export function dialectFlag(value: unknown, cwd: string = process.cwd(), files: CommandSetFiles = new CommandSetFiles()): Dialect | undefined {
  if (value === undefined) return undefined;
  const d = typeof value === 'string' ? dialectOf(value) : undefined;
  if (d) return d;
  const path = String(value);
  if (!namesCommandSetFile(path))
    throw new CliError(`--dialect must be 2.3 or 3.1, not ${JSON.stringify(value)} (or a command set file, a path ending in .json)`);
  return files.load(resolve(cwd, path), '--dialect: ');
}

/** The language services of one run: `--dialect`'s for every file when given, else each file's own. */
export class ScriptLanguages {
  private readonly services = new Map<Dialect, LanguageService>();
  private readonly files = new CommandSetFiles();

  constructor(
    private readonly flag: Dialect | undefined,
    private readonly cwd: string = process.cwd(),
  ) {}

  /**
   * The service for a file with this text (`file` locates a command set file
   * its first line names; `-` is stdin; `shown` names the file in errors).
   */
  for(text: string, file = '-', shown = file): LanguageService {
    const d = this.flag ?? this.directiveDialect(text, file, shown);
    let s = this.services.get(d);
    if (!s) this.services.set(d, (s = createLanguageService(d)));
    return s;
  }

  private directiveDialect(text: string, file: string, shown: string): Dialect {
    const directive = readDialectDirective(text);
    if (!directive) return dialect23;
    if (directive.dialect) return directive.dialect;
    if (!directiveNamesFile(directive)) return dialect23;
    const base = file === '-' ? this.cwd : dirname(resolve(this.cwd, file));
    const where = `${shown}:1:${directive.range.start.character + 1}: `;
    return this.files.load(resolve(base, directive.version), where);
  }
}
