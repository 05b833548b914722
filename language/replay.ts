/**
 * Replaying a script's namespace changes the way minimega 2.3 keeps them:
 * `namespace X` switches, `namespace X (command)` enters X for the nested
 * command and exits after it (whatever the nested command did), `clear
 * namespace` leaves. A line's facts (names.ts) record these steps once per
 * line; the script checks replay the lines themselves, which needs no record
 * per line and so keeps opening a long document cheap.
 */
import { subcommandOf, type Command, type Line } from './ast.js';
import type { CommandVisit, NamespaceStep } from './names.js';
import { ShapeLine } from './shape-line.js';

/** What a namespace step does (see `NamespaceStep`). */
export type StepKind = NamespaceStep['kind'];

/** Receives the commands of a chain and the namespace changes they make, in execution order. */
export interface ChainWalker {
  /** A command of the chain (`id`: its handler's). */
  onCommand(c: Command, id: string): void;
  /** A namespace change; `name` is undefined for `exit` (and for `leave` without a name). */
  onStep(kind: StepKind, name: string | undefined): void;
}

/** Walks a line's command chain: each command, then the namespace change it makes, if any. */
export function walkChain(first: Command, walker: ChainWalker): void {
  let depth = 0;
  for (let c: Command | null = first; c; c = subcommandOf(c)) {
    const id = c.handler.id;
    walker.onCommand(c, id);
    // Only namespace commands have their name read (arguments may be made when first read).
    const name = id === 'namespace' || id === 'clear namespace' ? c.args.string.name : undefined;
    const step = namespaceStep(id, c.pattern, name, walker);
    if (step === 'stop') break;
    if (step === 'enter') depth++;
  }
  for (; depth > 0; depth--) walker.onStep('exit', undefined);
}

/**
 * Hands the walker the namespace change of one command of a chain (handler
 * `id`, matched `pattern`, `name` argument): `stop` when the chain ends
 * there, `enter` when the nested command runs in another namespace.
 */
function namespaceStep(
  id: string,
  pattern: string,
  name: string | undefined,
  walker: ChainWalker,
): 'stop' | 'enter' | undefined {
  if (id === 'namespace') {
    if (name === undefined) return 'stop';
    if (pattern === 'namespace [name]') {
      walker.onStep('switch', name);
      return 'stop';
    }
    walker.onStep('enter', name);
    return 'enter';
  }
  if (id === 'clear namespace') walker.onStep('leave', name);
  return undefined;
}

/**
 * `walkChain` for a line built when read whose chain visits nothing (only
 * namespace changes matter): its steps come from its template and its
 * names from its text, so the line is not built.
 */
function walkShapeSteps(line: ShapeLine, walker: ChainWalker): void {
  const steps = line.steps;
  let depth = 0;
  for (let k = 0; k < steps.length; k++) {
    const s = steps[k]!;
    const step = namespaceStep(s.id, s.pattern, line.stepName(k), walker);
    if (step === 'stop') break;
    if (step === 'enter') depth++;
  }
  for (; depth > 0; depth--) walker.onStep('exit', undefined);
}

/** The active namespace along a replay ("" when none). */
export class ActiveNamespace {
  name = '';
  /** The namespaces to go back to when the commands nested in `namespace X (command)` end. */
  private readonly saved: string[] = [];

  /** Applies a recorded step. */
  apply(step: NamespaceStep): void {
    this.move(step.kind, step.kind === 'exit' ? undefined : step.name);
  }

  /** Applies a step given by its parts (the replay of lines makes no step objects). */
  move(kind: StepKind, name: string | undefined): void {
    switch (kind) {
      case 'switch':
        this.name = name!;
        break;
      case 'enter':
        this.saved.push(this.name);
        this.name = name!;
        break;
      case 'exit':
        this.name = this.saved.pop() ?? '';
        break;
      case 'leave':
        if (name === undefined || name === this.name) this.name = '';
        break;
    }
  }
}

/**
 * A replay of whole lines, one walker for the script. It is also the visit
 * it hands out (no object per command: a long document has thousands).
 */
class LineReplay implements ChainWalker, CommandVisit {
  readonly active = new ActiveNamespace();
  command!: Command;
  line!: Line;
  lineIndex = 0;
  namespace = '';
  constructor(
    private readonly ids: ReadonlySet<string>,
    private readonly visitor: (v: CommandVisit) => void,
  ) {}
  onCommand(c: Command, id: string): void {
    if (!this.ids.has(id)) return;
    this.command = c;
    this.namespace = this.active.name;
    this.visitor(this);
  }
  onStep(kind: StepKind, name: string | undefined): void {
    this.active.move(kind, name);
  }
}

const skips = (id: string, ids: ReadonlySet<string>): boolean =>
  id !== 'namespace' && id !== 'clear namespace' && !ids.has(id);

/**
 * Replays lines, tracking the active namespace, and calls `visit` for each
 * command whose handler is one of `ids`, with the namespace it runs in. The
 * visit is valid during the call only (it is reused).
 */
export function replayLines(lines: readonly Line[], ids: ReadonlySet<string>, visit: (v: CommandVisit) => void): void {
  const replay = new LineReplay(ids, visit);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A line built when read is built only when one of its commands is visited.
    if (line instanceof ShapeLine && !line.runsAny(ids)) {
      walkShapeSteps(line, replay);
      continue;
    }
    const c = line.command;
    if (!c) continue;
    // Most lines are one command that is neither visited nor a namespace change:
    // walking them would do nothing (this runs on every line of a document that opens).
    if (c.subcommand === null && skips(c.handler.id, ids)) continue;
    replay.line = line;
    replay.lineIndex = i;
    walkChain(c, replay);
  }
}
