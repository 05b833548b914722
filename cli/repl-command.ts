/**
 * `mm repl`: an interactive minimega prompt on a simulated node, with line
 * editing, persistent history and tab completion from the language's engine.
 * With stdin not a terminal it reads commands and prints responses.
 */
import { createInterface, type Completer } from 'node:readline';
import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { completeLine, type NameSource } from '../language/completion.js';
import { renderBatch, renderErrors } from '../interpreter/render/index.js';
import type { CommandSpec } from './command-spec.js';
import type { CliIO } from './cli-io.js';
import { nodeOptions } from './node-options.js';
import { createNodeNames } from './repl-names.js';
import { openTarget, targetOptions, type LineTarget } from './targets-remote.js';

const HISTORY_SIZE = 1000;

/** The prompt minimega shows: `minimega$ ` or `minimega[ns]$ `. */
export function promptFor(namespace: string): string {
  return namespace === '' ? 'minimega$ ' : `minimega[${namespace}]$ `;
}

function historyFile(): string {
  return process.env.MM_HISTORY || join(os.homedir(), '.mm_history');
}

function loadHistory(file: string): string[] {
  try {
    // readline wants the most recent entry first.
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** A readline completer over the language's completion engine and the node's names. */
export function createCompleter(names?: NameSource): Completer {
  return (line: string) => {
    const cands = completeLine(line, line.length, names).filter((c) => !c.hint);
    if (cands.length === 0) return [[], line];
    const start = cands[0]!.replaceStart;
    const labels = [...new Set(cands.map((c) => c.insertText ?? c.label))].sort();
    // A single complete word gets the separating space, as shells do.
    if (labels.length === 1 && cands[0]!.kind !== 'value') return [[labels[0]! + ' '], line.slice(start)];
    return [labels, line.slice(start)];
  };
}

/** Runs a line and prints like minimega's prompt: output to stdout, errors to stderr. */
export async function evalLine(target: LineTarget, line: string, io: CliIO): Promise<void> {
  const outcome = await target.run(line);
  if (outcome.kind === 'compileError') {
    io.stderr(`${outcome.error}\n`);
    return;
  }
  for (const batch of outcome.batches) {
    const text = renderBatch(batch, target.view.flags);
    if (text !== '') io.stdout(text + '\n');
    const errors = renderErrors(batch);
    if (errors !== '') io.stderr(errors + '\n');
  }
}

export const replCommand: CommandSpec = {
  name: 'repl',
  usage: '[--name NAME] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH] [--nodes N|NAMES] [--connect ws://HOST:PORT [--keys DIR | --secret-file F]]',
  summary: 'an interactive minimega prompt on a simulated node (or a running one, with --connect)',
  options: { ...nodeOptions, ...targetOptions },
  async run(args, io) {
    const target = await openTarget(io, { values: args.values, cwd: io.cwd });
    const interactive = io.stdinIsTTY;
    const file = historyFile();
    const rl = createInterface({
      input: process.stdin,
      output: interactive ? process.stdout : undefined,
      terminal: interactive,
      completer: createCompleter(target.node ? createNodeNames(target.node) : undefined),
      history: interactive ? loadHistory(file) : [],
      historySize: HISTORY_SIZE,
      prompt: promptFor(''),
    });
    const prompt = (): void => {
      if (!interactive) return;
      rl.setPrompt(promptFor(target.namespace()));
      rl.prompt();
    };
    prompt();
    for await (const line of rl) {
      if (interactive && line.trim() !== '') {
        try {
          appendFileSync(file, line + '\n');
        } catch {
          // A read-only home directory only costs the history, not the session.
        }
      }
      try {
        await evalLine(target, line, io);
      } catch (e) {
        // A lost connection ends the session; nothing typed so far is lost.
        io.stderr(`${(e as Error).message}\n`);
        break;
      }
      if (target.stopped()) break;
      prompt();
    }
    rl.close();
    await target.close();
    if (interactive) io.stdout('\n');
    return 0;
  },
};
