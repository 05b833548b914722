/**
 * The `mm parse` view of a line: how minicli understood it, in the shape of
 * the oracle files (input, ok, kind, pattern, original, args, subcommand, error).
 */
import type { Command, CommentCommand, Line } from './ast.js';
import { goTrimSpace } from './text.js';

export interface ArgsView {
  readonly string: Record<string, string>;
  readonly bool: Record<string, boolean>;
  readonly list: Record<string, readonly string[]>;
}

export interface SubcommandView {
  readonly pattern: string;
  readonly original: string;
  readonly args: ArgsView;
  readonly subcommand: SubcommandView | null;
}

export interface LineView {
  readonly input: string;
  readonly ok: boolean;
  readonly kind: 'command' | 'comment' | 'empty' | 'error';
  readonly pattern: string;
  readonly original: string;
  readonly args: ArgsView;
  readonly subcommand: SubcommandView | null;
  readonly error: string;
}

const emptyArgs = (): ArgsView => ({ string: {}, bool: {}, list: {} });

function sortKeys<T>(o: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

function argsView(c: Command): ArgsView {
  return { string: sortKeys(c.args.string), bool: sortKeys(c.args.bool), list: sortKeys(c.args.list) };
}

function subView(c: Command | CommentCommand | null): SubcommandView | null {
  if (!c) return null;
  if (c.kind === 'CommentCommand') return { pattern: '', original: c.original, args: emptyArgs(), subcommand: null };
  return { pattern: c.pattern, original: c.original, args: argsView(c), subcommand: subView(c.subcommand) };
}

/** Describes one parsed line. */
export function describeLine(line: Line): LineView {
  const c = line.command;
  return {
    input: line.text,
    ok: line.status !== 'error',
    kind: line.status,
    pattern: c ? c.pattern : '',
    original: c ? c.original : line.status === 'comment' ? commentOriginal(line) : '',
    args: c ? argsView(c) : emptyArgs(),
    subcommand: c ? subView(c.subcommand) : null,
    error: line.error,
  };
}

function commentOriginal(line: Line): string {
  return goTrimSpace(line.text);
}
