/**
 * Replaying a script's namespace changes the way minimega 2.3 keeps them:
 * `namespace X` switches, `namespace X (command)` enters X for the nested
 * command and exits after it (whatever the nested command did), `clear
 * namespace` leaves. A line's facts (names.ts) record these steps once per
 * line; the script checks replay the lines themselves, which needs no record
 * per line and so keeps opening a long document cheap.
 *
 * Both read a line's chain by level (`Line.handlerAt` and friends), so a line
 * is asked for its commands only where one is visited.
 */
import { commandAt, type ChainReader, type Command, type Line } from './ast.js';

/** A change of the active namespace between the commands of a line. */
export type NamespaceStep =
  | { readonly kind: 'switch'; readonly name: string }
  | { readonly kind: 'enter'; readonly name: string }
  | { readonly kind: 'exit' }
  | { readonly kind: 'leave'; readonly name: string | undefined };

/** A matched command together with where it runs. */
export interface CommandVisit {
  readonly command: Command;
  readonly line: Line;
  /** Index of the line in the script (the line number editors use). */
  readonly lineIndex: number;
  /** The namespace active while this command runs ("" when none). */
  readonly namespace: string;
}

/** What a namespace step does (see `NamespaceStep`). */
export type StepKind = NamespaceStep['kind'];

/** Receives the commands of a chain and the namespace changes they make, in execution order. */
export interface ChainWalker {
  /** The command at `level` of the chain (`id`: its handler's). */
  onCommand(level: number, id: string): void;
  /** A namespace change; `name` is undefined for `exit` (and for `leave` without a name). */
  onStep(kind: StepKind, name: string | undefined): void;
}

/** Walks a line's command chain: each command, then the namespace change it makes, if any. */
export function walkChain(line: ChainReader, walker: ChainWalker): void {
  let depth = 0;
  for (let level = 0; ; level++) {
    const id = line.handlerAt(level);
    if (id === undefined) break;
    walker.onCommand(level, id);
    const step = namespaceStep(line, level, id, walker);
    if (step === 'stop') break;
    if (step === 'enter') depth++;
  }
  for (; depth > 0; depth--) walker.onStep('exit', undefined);
}

/**
 * Hands the walker the namespace change of the command at `level` (handler
 * `id`): `stop` when the chain ends there, `enter` when the nested command
 * runs in another namespace.
 */
function namespaceStep(line: ChainReader, level: number, id: string, walker: ChainWalker): 'stop' | 'enter' | undefined {
  if (id === 'namespace') {
    const name = line.stringArgAt(level, 'name');
    if (name === undefined) return 'stop';
    if (line.patternAt(level) === 'namespace [name]') {
      walker.onStep('switch', name);
      return 'stop';
    }
    walker.onStep('enter', name);
    return 'enter';
  }
  if (id === 'clear namespace') walker.onStep('leave', line.stringArgAt(level, 'name'));
  return undefined;
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
  onCommand(level: number, id: string): void {
    if (!this.ids.has(id)) return;
    this.command = commandAt(this.line.command, level)!;
    this.namespace = this.active.name;
    this.visitor(this);
  }
  onStep(kind: StepKind, name: string | undefined): void {
    this.active.move(kind, name);
  }
}

const skips = (id: string, ids: ReadonlySet<string>): boolean => id !== 'namespace' && id !== 'clear namespace' && !ids.has(id);

/**
 * Replays lines, tracking the active namespace, and calls `visit` for each
 * command whose handler is one of `ids`, with the namespace it runs in. The
 * visit is valid during the call only (it is reused).
 */
export function replayLines(lines: readonly Line[], ids: ReadonlySet<string>, visit: (v: CommandVisit) => void): void {
  const replay = new LineReplay(ids, visit);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const id = line.handlerAt(0);
    // Most lines are one command that is neither visited nor a namespace change:
    // walking them would do nothing (this runs on every line of a document that opens).
    if (id === undefined || (skips(id, ids) && line.handlerAt(1) === undefined)) continue;
    replay.line = line;
    replay.lineIndex = i;
    walkChain(line, replay);
  }
}
