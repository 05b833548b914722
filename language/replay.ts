/**
 * Replaying a script's namespace changes the way minimega 2.3 keeps them
 * (`namespaceStepKind`, which the runtime follows too): `namespace X`
 * switches, `namespace X (command)` enters X for the nested command and exits
 * after it (whatever the nested command did), `clear namespace` leaves. A
 * line's facts (names.ts) record these steps once per line; the script
 * checks replay the lines themselves, which needs no record per line and so
 * keeps opening a long document cheap.
 *
 * Both read a line's chain by level (`Line.handlerAt` and friends), so a line
 * is asked for its commands only where one is visited.
 */
import { commandAt, type ChainReader, type Command, type Line } from './ast.js';
import type { HandlerRole, HandlerSpec } from './catalog/types.js';

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

/**
 * The namespace change a command makes, told by its handler's role, its
 * `name` argument and whether it nests a command: `namespace X` switches,
 * `namespace X (command)` enters X for the nested command, `clear namespace`
 * leaves, and `namespace` alone changes nothing. The runtime's `namespace`
 * handlers and the static replay both follow it.
 */
export function namespaceStepKind(role: HandlerRole | undefined, name: string | undefined, nests: boolean): StepKind | undefined {
  if (role === 'namespace') return name === undefined ? undefined : nests ? 'enter' : 'switch';
  return role === 'leave-namespace' ? 'leave' : undefined;
}

/** Whether `clear namespace` of `name` (undefined: no name given) leaves the active namespace `active`. */
export function leavesActive(active: string, name: string | undefined): boolean {
  return name === undefined || name === active;
}

/** Receives the commands of a chain and the namespace changes they make, in execution order. */
export interface ChainWalker {
  /** The command at `level` of the chain and its handler. */
  onCommand(level: number, handler: HandlerSpec): void;
  /** A namespace change; `name` is undefined for `exit` (and for `leave` without a name). */
  onStep(kind: StepKind, name: string | undefined): void;
}

/** Walks a line's command chain: each command, then the namespace change it makes, if any. */
export function walkChain(line: ChainReader, walker: ChainWalker): void {
  let depth = 0;
  for (let level = 0; ; level++) {
    const handler = line.handlerAt(level);
    if (handler === undefined) break;
    walker.onCommand(level, handler);
    const role = handler.role;
    // Most commands change no namespace: their arguments are not read.
    if (role !== 'namespace' && role !== 'leave-namespace') continue;
    const name = line.stringArgAt(level, 'name');
    const kind = namespaceStepKind(role, name, line.nestsAt(level));
    if (kind === undefined) continue;
    walker.onStep(kind, name);
    if (kind === 'enter') depth++;
  }
  for (; depth > 0; depth--) walker.onStep('exit', undefined);
}

/** The active namespace along a replay ("" when none). */
export class ActiveNamespace {
  name = '';
  /** The namespaces to go back to when the commands nested in `namespace X (command)` end. */
  private readonly saved: string[] = [];

  /** An independent copy (a replay resumed from a stop moves on from it). */
  copy(): ActiveNamespace {
    const c = new ActiveNamespace();
    c.name = this.name;
    c.saved.push(...this.saved);
    return c;
  }

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
        if (leavesActive(this.name, name)) this.name = '';
        break;
    }
  }
}

/**
 * A replay of whole lines, one walker for the script. It is also the visit
 * it hands out (no object per command: a long document has thousands).
 */
class LineReplay implements ChainWalker, CommandVisit {
  command!: Command;
  line!: Line;
  lineIndex = 0;
  namespace = '';
  constructor(
    private readonly roles: ReadonlySet<HandlerRole>,
    private readonly visitor: (v: CommandVisit) => void,
    readonly active: ActiveNamespace,
  ) {}
  onCommand(level: number, handler: HandlerSpec): void {
    if (handler.role === undefined || !this.roles.has(handler.role)) return;
    this.command = commandAt(this.line.command, level)!;
    this.namespace = this.active.name;
    this.visitor(this);
  }
  onStep(kind: StepKind, name: string | undefined): void {
    this.active.move(kind, name);
  }
}

/** Whether the replay may pass over a command of this role: it is neither visited nor a namespace change. */
const skips = (role: HandlerRole | undefined, roles: ReadonlySet<HandlerRole>): boolean =>
  role === undefined || (role !== 'namespace' && role !== 'leave-namespace' && !roles.has(role));

/** Where a replay starts, and what it is told on the way (see `replayLines`). */
export interface ReplayCourse {
  /** The first line replayed (default 0). */
  readonly from?: number;
  /** The active namespace before that line (default: none); the replay moves it on. */
  readonly active?: ActiveNamespace;
  /** Lines between calls of `boundary` (with `boundary`). */
  readonly every?: number;
  /** Called before each line whose index is a multiple of `every` (and after the last line, with its count), with the active namespace there. */
  readonly boundary?: (line: number, active: ActiveNamespace) => void;
}

/**
 * Replays lines, tracking the active namespace, and calls `visit` for each
 * command whose handler has one of `roles`, with the namespace it runs in.
 * The visit is valid during the call only (it is reused). `course` resumes
 * a replay at a later line and asks for stops on the way (the script checks
 * keep their state there, to resume from after an edit).
 */
export function replayLines(lines: readonly Line[], roles: ReadonlySet<HandlerRole>, visit: (v: CommandVisit) => void, course: ReplayCourse = {}): void {
  const replay = new LineReplay(roles, visit, course.active ?? new ActiveNamespace());
  const { boundary } = course;
  const every = boundary ? Math.max(1, course.every ?? lines.length) : 0;
  let stop = boundary ? Math.ceil((course.from ?? 0) / every) * every : Number.POSITIVE_INFINITY;
  for (let i = course.from ?? 0; i < lines.length; i++) {
    if (i === stop) {
      boundary!(i, replay.active);
      stop += every;
    }
    const line = lines[i]!;
    const handler = line.handlerAt(0);
    // Most lines are one command that is neither visited nor a namespace change:
    // walking them would do nothing (this runs on every line of a document that opens).
    if (handler === undefined || (skips(handler.role, roles) && line.handlerAt(1) === undefined)) continue;
    replay.line = line;
    replay.lineIndex = i;
    walkChain(line, replay);
  }
  boundary?.(lines.length, replay.active);
}
