/**
 * Getting a command set out of a minimega binary: `-cli` for the handlers,
 * a separate `-version` for the release, each run as minimega-binary.ts
 * does. Every way it can fail (cli-json.md 2.3) ends in one ImportError
 * that says what happened; nothing is written then. Shared by
 * `mm catalog import` and the editor's import command (`minimega/importCommandSet`).
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { checkedImportedDialect, createCommandSet, MAX_DUMP_BYTES, readCliDump, readVersionLine, writeCommandSet, type CommandSet } from '../language/index.js';
import { fsReason } from './command-set-files.js';
import { runMinimegaFlag, type BinaryRun } from './minimega-binary.js';

/** Why an import failed, in one sentence. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** What the import is told. */
export interface ImportRequest {
  readonly noBuiltin: boolean;
  readonly timeoutMs: number;
}

/** Runs `BIN -cli` and `BIN -version` and makes the command set. */
async function importFromBinary(bin: string, req: ImportRequest): Promise<{ set: CommandSet; notes: string[] }> {
  const limits = { timeoutMs: req.timeoutMs, maxStdoutBytes: MAX_DUMP_BYTES };
  const cli = await runMinimegaFlag(bin, '-cli', limits);
  const failure = runFailure(bin, '-cli', cli, req.timeoutMs);
  if (failure) throw new ImportError(failure);
  const dump = readCliDump(cli.stdout);
  if (!dump.ok) throw new ImportError(`${bin} -cli did not print minimega's command list: ${dump.error}`);
  const notes: string[] = [];
  const v = await runMinimegaFlag(bin, '-version', { timeoutMs: req.timeoutMs, maxStdoutBytes: 4096 });
  const vFailure = runFailure(bin, '-version', v, req.timeoutMs);
  const line = vFailure ? undefined : readVersionLine(v.stdout);
  if (vFailure) notes.push(`${vFailure}; the version is unknown`);
  else if (!line) notes.push(`${bin} -version did not print a "minimega ..." line; the version is unknown`);
  else if (!line.version) notes.push(`${bin} -version names no release (\`${line.line}\`, as minimega up to 2.8 prints it); the version is unknown`);
  const set = createCommandSet(dump.handlers, { minimegaVersion: line?.version, versionLine: line?.line, noBuiltin: req.noBuiltin });
  return { set, notes };
}

/** Reads a saved `-cli` output (the version is then unknown). */
function importFromJson(file: string, req: Pick<ImportRequest, 'noBuiltin'>): CommandSet {
  let text: string;
  try {
    if (statSync(file).size > MAX_DUMP_BYTES) throw new ImportError(`${file}: longer than ${MAX_DUMP_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${file}: ${fsReason(e)}`);
  }
  const dump = readCliDump(text);
  if (!dump.ok) throw new ImportError(`${file}: not the output of minimega -cli: ${dump.error}`);
  return createCommandSet(dump.handlers, { noBuiltin: req.noBuiltin });
}

/** Why a run failed, in one sentence, or undefined when it exited 0 within its limits. */
function runFailure(bin: string, flag: string, r: BinaryRun, timeoutMs: number): string | undefined {
  const cmd = `${bin} ${flag}`;
  if (r.startError) return `cannot run ${bin}: ${fsReason(r.startError)}`;
  if (r.timedOut) return `${cmd} did not exit within ${timeoutMs / 1000} s and was killed (minimega exits at once: is this minimega?)`;
  if (r.tooLong) return `${cmd} printed more than ${MAX_DUMP_BYTES} bytes and was killed`;
  if (r.status === 0) return undefined;
  const stderr = r.stderr;
  if (r.status === null) return `${cmd} was ended by a signal`;
  if (r.status === 2 && stderr.includes(`flag provided but not defined: ${flag}`)) {
    return `${cmd}: the program does not know ${flag} (exit status 2, "flag provided but not defined"): it is not minimega 2.0 or later`;
  }
  const fatal = stderr.split('\n').find((l) => l.includes('FATAL'));
  if (r.status === 1 && fatal) return `${cmd} failed (exit status 1): minimega rejected its own commands: ${fatal.trim()}`;
  if (r.status === 127) return `${cmd} could not start (exit status 127): ${firstLine(stderr) || 'a shared library is missing'}`;
  return `${cmd} failed with exit status ${r.status}${firstLine(stderr) ? `: ${firstLine(stderr)}` : ''}`;
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}

/** One import: from a binary or a saved `-cli` output (absolute paths) to the command set file `output`. */
export interface ImportJob extends ImportRequest {
  readonly binary?: string;
  readonly json?: string;
  readonly output: string;
}

/** Imports and writes the command set file (whole or not at all); notes say what stayed unknown. */
export async function importCommandSet(job: ImportJob): Promise<{ set: CommandSet; notes: string[] }> {
  const r = job.json !== undefined ? { set: importFromJson(job.json, job), notes: [] } : await importFromBinary(job.binary ?? '', job);
  const checked = checkedImportedDialect(r.set);
  if (!checked.ok) throw new ImportError(`${job.json ?? job.binary}: minicli would not register these commands: ${checked.error}`);
  writeAtomically(job.output, writeCommandSet(r.set));
  return r;
}

/** Writes the whole file or nothing: a reader never sees half a command set. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ImportError(`cannot write ${path}: ${fsReason(e)}`);
  }
}

/** What was imported, what decides its matching, and how to use it. */
export function summary(set: CommandSet, source: string, output: string): string {
  const patterns = set.handlers.reduce((n, h) => n + h.patterns.length, 0);
  const version = set.minimegaVersion ? `minimega ${set.minimegaVersion}` : 'minimega (version unknown)';
  const rules = set.rules === '3.1' ? 'pattern trie' : 'ordered closest match';
  const why = set.rulesFrom === 'version' ? 'its version' : `the closest built-in dialect, ${set.nearest}`;
  const lines = [
    `wrote ${output}: ${set.handlers.length} handlers (${patterns} patterns) of ${version} from ${source}`,
    `matching: minicli ${set.rules}'s rules (${rules}), chosen by ${why}`,
  ];
  if (set.useBuiltin) {
    lines.push(
      `same patterns in the same order as the built-in ${set.sameAs} dialect: scripts using this file are checked as ${set.sameAs}, with all its facts (--no-builtin keeps the imported set)`,
    );
  } else {
    const same = set.sameAs ? ` (the same patterns as the built-in ${set.sameAs} dialect, kept imported: --no-builtin)` : '';
    lines.push(
      `imported set${same}; categories, value checks and our help come from the built-in ${set.nearest} dialect for handlers with the same patterns, and are unknown for the others`,
    );
  }
  lines.push(`use it: mm check --dialect ${output} FILE..., or a first line \`# minimega: ${output}\` (a path relative to the script)`);
  return lines.join('\n') + '\n';
}
