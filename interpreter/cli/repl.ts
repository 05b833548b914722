/**
 * `mm repl`: an interactive minimega prompt on a simulated node, with line
 * editing, persistent history and tab completion from the language's engine.
 * With stdin not a terminal it reads commands and prints responses.
 */
import { createInterface, type Completer } from 'node:readline';
import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { completeLine } from '../../language/completion.js';
import { createNode, type SimNode } from '../node.js';
import { runLine } from '../session.js';
import { renderBatch, renderErrors } from '../render/index.js';
import type { CommandSpec } from './command.js';
import type { CliIO } from './io.js';
import { nodeName, nodeOptions } from './node-options.js';
import { createNodeNames } from './repl-names.js';

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
export function createCompleter(node: SimNode): Completer {
  return (line: string) => {
    const cands = completeLine(line, line.length, createNodeNames(node)).filter((c) => !c.hint);
    if (cands.length === 0) return [[], line];
    const start = cands[0]!.replaceStart;
    const labels = [...new Set(cands.map((c) => c.insertText ?? c.label))].sort();
    // A single complete word gets the separating space, as shells do.
    if (labels.length === 1 && cands[0]!.kind !== 'value') return [[labels[0]! + ' '], line.slice(start)];
    return [labels, line.slice(start)];
  };
}

/** Runs a line and prints like minimega's prompt: output to stdout, errors to stderr. */
export async function evalLine(node: SimNode, line: string, io: CliIO): Promise<void> {
  const outcome = await runLine(node, line);
  if (outcome.kind === 'compileError') {
    io.stderr(`${outcome.error}\n`);
    return;
  }
  for (const batch of outcome.batches) {
    const text = renderBatch(batch, node.flags);
    if (text !== '') io.stdout(text + '\n');
    const errors = renderErrors(batch);
    if (errors !== '') io.stderr(errors + '\n');
  }
}

export const replCommand: CommandSpec = {
  name: 'repl',
  usage: '[--name NAME] [--allow-shell]',
  summary: 'an interactive minimega prompt on a simulated node',
  options: { ...nodeOptions },
  async run(args, io) {
    const node = createNode({ name: nodeName(args.values.name), allowShell: args.values['allow-shell'] === true, cwd: io.cwd });
    const interactive = io.stdinIsTTY;
    const file = historyFile();
    const rl = createInterface({
      input: process.stdin,
      output: interactive ? process.stdout : undefined,
      terminal: interactive,
      completer: createCompleter(node),
      history: interactive ? loadHistory(file) : [],
      historySize: HISTORY_SIZE,
      prompt: promptFor(''),
    });
    const prompt = (): void => {
      if (!interactive) return;
      rl.setPrompt(promptFor(node.activeNamespace));
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
      await evalLine(node, line, io);
      if (node.quitRequested) break;
      prompt();
    }
    rl.close();
    if (interactive) io.stdout('\n');
    return 0;
  },
};
