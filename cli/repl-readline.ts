/**
 * The line editor both REPLs use (`mm repl` on a simulated node, and
 * `mm repl --attach` on a daemon): readline with a persistent history in
 * `~/.mm_history` (or `$MM_HISTORY`); without a terminal it only reads lines.
 * And the completer over the language's completion engine.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface, type AsyncCompleter, type Completer, type Interface } from 'node:readline';
import type { LanguageService, NameSource } from '../language/index.js';
import type { CliIO } from './cli-io.js';

const HISTORY_SIZE = 1000;

function historyFile(): string {
  return process.env.MM_HISTORY || join(os.homedir(), '.mm_history');
}

function loadHistory(file: string): string[] {
  try {
    // readline wants the most recent entry first.
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .slice(-HISTORY_SIZE)
      .reverse();
  } catch {
    return [];
  }
}

/** A REPL's line editor. */
export interface ReplReadline {
  readonly rl: Interface;
  readonly interactive: boolean;
  /** Shows `prompt` (interactive only). */
  prompt(prompt: string): void;
  /** Adds a typed line to the history file (interactive, non-blank lines only). */
  remember(line: string): void;
}

/** Opens the line editor on the process's stdin. */
export function openReadline(io: CliIO, completer: Completer | AsyncCompleter, prompt: string): ReplReadline {
  const interactive = io.stdinIsTTY;
  const file = historyFile();
  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
    completer,
    history: interactive ? loadHistory(file) : [],
    historySize: HISTORY_SIZE,
    prompt,
  });
  // Ctrl-C drops the line being typed and shows a fresh prompt, as minimega's
  // console does; the session and its state stay. Ctrl-D on an empty line leaves.
  if (interactive) rl.on('SIGINT', () => clearLine(rl));
  return {
    rl,
    interactive,
    prompt(p) {
      if (!interactive) return;
      rl.setPrompt(p);
      rl.prompt();
    },
    remember(line) {
      if (!interactive || line.trim() === '') return;
      try {
        appendFileSync(file, line + '\n');
      } catch {
        // A read-only home directory only costs the history, not the session.
      }
    },
  };
}

/** Abandons the typed line: `^C` after it, then an empty line at a new prompt. */
function clearLine(rl: Interface): void {
  process.stdout.write('^C\n');
  // readline keeps the buffer in these two public fields; there is no method that empties it without redrawing.
  const editable = rl as unknown as { line: string; cursor: number };
  editable.line = '';
  editable.cursor = 0;
  rl.prompt();
}

/** A readline completer over the language's completion engine and the node's names. */
export function createCompleter(language: LanguageService, names?: NameSource): Completer {
  return (line: string) => {
    const cands = language.complete(line, line.length, names).candidates.filter((c) => !c.hint);
    if (cands.length === 0) return [[], line];
    const start = cands[0]!.replaceStart;
    const labels = [...new Set(cands.map((c) => c.insertText ?? c.label))].sort();
    // A single complete word gets the separating space, as shells do.
    if (labels.length === 1 && cands[0]!.kind !== 'value') return [[labels[0]! + ' '], line.slice(start)];
    return [labels, line.slice(start)];
  };
}
