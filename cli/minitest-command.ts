/**
 * `mm minitest`: minimega's minitest harness on a simulated node. Every test
 * script in DIR runs in name order, with `prolog` before and `epilog` after;
 * the transcript goes to NAME.got and is compared byte for byte with NAME.want.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitLines } from '../language/index.js';
import { createNode, type SimNode } from '../interpreter/sim-node.js';
import { runLine } from '../interpreter/session.js';
import { transcriptOf } from '../interpreter/transcript.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { describeFsError } from '../interpreter/os-error.js';
import type { LineTarget } from './line-target.js';
import { openTarget, targetOptions } from './targets-remote.js';
import { dialectOption, filesOptions, nodeName, nodeOptions, parseDialect } from './node-options.js';

/** Runs a file's lines; returns the transcript. Unparsable lines are reported and skipped (decision 7). */
export async function transcriptFile(node: SimNode, text: string): Promise<string> {
  let out = '';
  for (const line of splitLines(text)) {
    if (node.quitRequested) break;
    out += transcriptOf(node, line, await runLine(node, line, 'local', true));
  }
  return out;
}

/** The same on any target (a running node with --connect). */
async function transcriptTarget(target: LineTarget, text: string): Promise<string> {
  let out = '';
  for (const line of splitLines(text)) {
    if (target.stopped()) break;
    const outcome = await target.run(line);
    out += transcriptOf(target.view, line, outcome);
  }
  return out;
}

/** Test names in a minitest directory, in name order. */
export function listTests(dir: string, filter?: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !f.endsWith('got') && !f.endsWith('want') && f !== 'prolog' && f !== 'epilog')
    .filter((f) => statSync(join(dir, f)).isFile())
    .filter((f) => !filter || filter.test(f))
    .sort();
}

export const minitestCommand: CommandSpec = {
  name: 'minitest',
  usage:
    '[--dialect 2.3|3.1] [--filter REGEX] [--allow-shell] [--name NAME] [--files-dir HOSTDIR] [--files-path PATH] [--connect URL [--keys DIR | --secret-file FILE]] DIR',
  summary: 'run a minitest directory (NAME + NAME.want) and compare transcripts',
  options: {
    ...nodeOptions,
    filter: { type: 'string', value: 'REGEX', description: 'only run tests whose name matches' },
    dialect: dialectOption,
    connect: targetOptions.connect!,
    wait: targetOptions.wait!,
    keys: targetOptions.keys!,
    'secret-file': targetOptions['secret-file']!,
  },
  examples: ['mm minitest --name mmhost tests/', "mm minitest --filter '^vm_' tests/", 'mm minitest --connect ws://127.0.0.1:9001 --keys mesh tests/'],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new CliError('minitest needs exactly one DIR');
    const dir = resolve(io.cwd, args.positionals[0]!);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${args.positionals[0]}: not a directory`);
    let filter: RegExp | undefined;
    if (typeof args.values.filter === 'string') {
      try {
        filter = new RegExp(args.values.filter);
      } catch (e) {
        throw new CliError(`--filter: ${(e as Error).message}`);
      }
    }
    const read = (f: string): string => {
      try {
        return readFileSync(join(dir, f), 'utf8');
      } catch (e) {
        throw new CliError(`${f}: ${describeFsError(e)}`);
      }
    };
    if (typeof args.values.connect === 'string') {
      const target = await openTarget(io, { values: args.values, cwd: dir });
      try {
        return await runTests(io, dir, filter, read, { transcript: (text) => transcriptTarget(target, text), resetQuit: () => undefined });
      } finally {
        await target.close();
      }
    }
    const node = createNode({
      name: nodeName(args.values.name),
      dialect: parseDialect(args.values.dialect),
      allowShell: args.values['allow-shell'] === true,
      cwd: dir,
      files: filesOptions(args.values, io.cwd),
    });
    const resetQuit = (): void => {
      node.quitRequested = false;
    };
    return runTests(io, dir, filter, read, { transcript: (text) => transcriptFile(node, text), resetQuit });
  },
};

/** How test files run: on a local node, or on a running node (`--connect`). */
interface TestRunner {
  transcript(text: string): Promise<string>;
  /** `quit` ends one script only (a running node stops for good). */
  resetQuit(): void;
}

/** Runs every test of the directory through `transcript`; prints results; resolves to the exit status. */
async function runTests(io: CliIO, dir: string, filter: RegExp | undefined, read: (f: string) => string, runner: TestRunner): Promise<number> {
  const prolog = existsSync(join(dir, 'prolog')) ? read('prolog') : '';
  const epilog = existsSync(join(dir, 'epilog')) ? read('epilog') : '';
  let passed = 0;
  let failed = 0;
  for (const test of listTests(dir, filter)) {
    const wantPath = join(dir, `${test}.want`);
    if (!existsSync(wantPath)) {
      // Only scripts with an expected transcript are tests (a README is not).
      io.stdout(`skip ${test}: no ${test}.want\n`);
      continue;
    }
    await runner.transcript(prolog);
    const got = await runner.transcript(read(test));
    // `quit` ends the test script only: the epilog still cleans up.
    runner.resetQuit();
    await runner.transcript(epilog);
    runner.resetQuit();
    writeFileSync(join(dir, `${test}.got`), got);
    if (readFileSync(wantPath, 'utf8') !== got) {
      io.stdout(`FAIL ${test}: got != want (see ${test}.got)\n`);
      failed++;
    } else {
      io.stdout(`ok   ${test}\n`);
      passed++;
    }
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
