/**
 * Namespace sections of a script: from a `namespace NAME` line to the line
 * before the next one, or to the `clear namespace` that leaves it, or to the
 * end. Document symbols and folding both show them.
 */
import { leavesActive, namespaceStepKind, type Line } from '../language/index.js';

/** One section; lines are inclusive, `end` is its last non-empty line. */
export interface Section {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Character range of the name on the start line. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** Finds the namespace sections (top-level `namespace NAME` switches). */
export function findSections(lines: readonly Line[]): Section[] {
  const out: Section[] = [];
  let open: { name: string; start: number; nameStart: number; nameEnd: number } | undefined;
  let lastContent = -1;
  const close = (end: number): void => {
    if (open) out.push({ ...open, end: Math.max(open.start, end) });
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = line.command;
    const kind = c ? namespaceStepKind(c.handler.role, c.args.string.name, c.subcommand !== null) : undefined;
    if (kind === 'switch') {
      close(lastContent);
      const w = c!.words[1]!;
      open = { name: c!.args.string.name!, start: i, nameStart: w.range.start.character, nameEnd: w.range.end.character };
    } else if (kind === 'leave' && open && leavesActive(open.name, c!.args.string.name)) {
      close(i);
      lastContent = i;
      continue;
    }
    if (line.status !== 'empty') lastContent = i;
  }
  close(lastContent);
  return out;
}
