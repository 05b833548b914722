/** `mm check`: lint scripts and print every problem. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { orderDiagnostics, type Diagnostic } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, displayName, readScript } from './cli-io.js';
import { dialectFlag, ScriptLanguages, scriptDialectOption } from './dialect-choice.js';

interface FileDiagnostic {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

export const checkCommand: CommandSpec = {
  name: 'check',
  usage: '[--format text|json] [--dialect 2.3|3.1] FILE...',
  summary: 'check scripts for syntax, argument and script-level problems without running them (- reads stdin)',
  options: {
    format: { type: 'string', value: 'text|json', description: 'output format', default: 'text' },
    dialect: scriptDialectOption,
  },
  async run(args, io) {
    const format = (args.values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CliError(`--format must be text or json, not ${format}`);
    if (args.positionals.length === 0) throw new CliError('check needs at least one FILE (or - for stdin)');
    const found: FileDiagnostic[] = [];
    const languages = new ScriptLanguages(dialectFlag(args.values.dialect, io.cwd), io.cwd);
    for (const file of args.positionals) {
      const text = await readScript(io, file);
      const language = languages.for(text, file);
      const { script, diagnostics } = language.parseScript(text);
      // `read` paths are relative to the script's folder (stdin: the working directory).
      const base = file === '-' ? io.cwd : dirname(resolve(io.cwd, file));
      const fileExists = (p: string): boolean => existsSync(resolve(base, p));
      const all = orderDiagnostics([...diagnostics, ...language.checkScript(script, { fileExists })]);
      for (const d of all) found.push({ file: displayName(file), diagnostic: d });
    }
    const errors = found.filter((f) => f.diagnostic.severity === 'error').length;
    const warnings = found.filter((f) => f.diagnostic.severity === 'warning').length;
    if (format === 'json') {
      io.stdout(
        JSON.stringify(
          found.map(({ file, diagnostic: d }) => ({
            file,
            range: d.range,
            severity: d.severity,
            code: d.code,
            message: d.message,
          })),
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const { file, diagnostic: d } of found) {
        io.stdout(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]\n`);
      }
      const n = args.positionals.length;
      io.stdout(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(n, 'file')}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
