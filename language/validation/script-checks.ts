/**
 * Script-level checks: problems no single line shows but the script as a
 * whole does, found by replaying the namespace and launch-queue state the way
 * minimega 2.3 keeps it. File existence is asked of a callback so that the
 * language stays free of the file system.
 */
import type { Command, Line } from '../ast.js';
import type { HandlerRole } from '../catalog/types.js';
import { lineRange, type Range } from '../positions.js';
import { Codes, type Code } from '../codes.js';
import { createDiagnostic, diagnosticOnLine, type Diagnostic, type Severity } from '../diagnostic.js';
import { orderDiagnostics } from '../placement.js';
import { vmItemNames, VmItemTable } from '../name-sites.js';
import { splitList } from '../ranges.js';
import { isRefused, type ScriptLines } from '../names.js';
import { ActiveNamespace, replayLines, type CommandVisit } from '../replay.js';
import {
  ChecksState,
  resumeStop,
  STOP_LINES,
  STOP_LINES_PER_ENTRY,
  type ChecksMemo,
  type ChecksStop,
  type FileAsked,
  type NamespaceState,
} from './checks-state.js';
import { dialects } from '../dialect.js';
import { directiveNamesFile, readDialectDirective } from '../dialect-directive.js';

/** Options of the script-level checks. */
export interface ScriptCheckOptions {
  /** Severity of every script-level diagnostic; default `warning`. */
  readonly severity?: Severity;
  /**
   * Whether a file named by `read` exists. The caller resolves the path the
   * way it sees fit (relative to the script's folder). Without it the check is skipped.
   */
  readonly fileExists?: (path: string) => boolean;
}

/** Roles of the handlers the checks look at; VM commands (`vm-command`) too while some namespace has a queue. */
const CHECKED: readonly HandlerRole[] = ['launch', 'flush', 'namespace-hosts', 'leave-namespace', 'read', 'write'];

/** Every role the replay reads: the checked ones, VM commands, and the namespace changes it follows. */
const READ: ReadonlySet<HandlerRole> = new Set<HandlerRole>([...CHECKED, 'vm-command', 'namespace']);

/**
 * Whether the checks pass over a line whatever comes before it: none of its
 * commands is one they look at or one that changes the namespace. Replacing
 * such a line by another such line (the first line aside, which may hold the
 * directive) leaves every script-level diagnostic as it was.
 */
export function passedByScriptChecks(line: Line): boolean {
  for (let level = 0; ; level++) {
    const handler = line.handlerAt(level);
    if (handler === undefined) return true;
    if (handler.role !== undefined && READ.has(handler.role)) return false;
  }
}

/** What a duplicate-launch diagnostic says: its message names the line of the earlier launch. */
interface DuplicateNote {
  readonly names: readonly string[];
  readonly namespace: string;
  /** The earlier launch's line. */
  readonly line: number;
}

/** The script-level checks, with what they keep of commands between runs (the VMs each launches). */
export class ScriptChecks {
  private readonly items = new VmItemTable();
  private readonly enabled: ReadonlySet<Code>;
  /** The duplicate launches among the diagnostics these checks made, for `shift`. */
  private readonly duplicates = new WeakMap<Diagnostic, DuplicateNote>();

  /** `codes`: the checks that apply (a dialect's namespace model decides which do). */
  constructor(codes: readonly Code[]) {
    this.enabled = new Set(codes);
  }

  /** Runs every script-level check; diagnostics come out in line order. */
  checkScript(script: ScriptLines, options: ScriptCheckOptions = {}): Diagnostic[] {
    return this.checkLines(script.lines, options);
  }

  /**
   * The same checks over lines (`lines[i]` is line i, whatever line number its
   * nodes hold: the language server parses each line on its own).
   */
  checkLines(lines: readonly Line[], options: ScriptCheckOptions = {}): Diagnostic[] {
    return checkLines(lines, options, this.items, this.enabled, this.duplicates, { owner: this, keep: false }).diagnostics;
  }

  /**
   * `checkLines`, for a script checked before as `previous` (the memo that
   * run returned): the replay resumes where the lines start to differ (see
   * checks-state.ts). The diagnostics are those `checkLines` makes; the memo
   * is for the next run.
   */
  recheckLines(lines: readonly Line[], options: ScriptCheckOptions = {}, previous?: ChecksMemo): CheckedLines {
    return checkLines(lines, options, this.items, this.enabled, this.duplicates, { owner: this, keep: true, previous }) as CheckedLines;
  }

  /**
   * The diagnostics `checkLines` made for a script, after lines that the
   * checks pass over were inserted or deleted before line `at` (`delta`
   * lines more; negative: fewer): those from `at` on move by `delta`, and a
   * duplicate launch names its earlier line where that line moved. Equal to
   * what `checkLines` makes of the edited script, without the replay.
   */
  shift(diagnostics: readonly Diagnostic[], at: number, delta: number): readonly Diagnostic[] {
    if (delta === 0) return diagnostics;
    return diagnostics.map((d) => {
      const line = d.range.start.line;
      if (line < at) return d;
      const note = this.duplicates.get(d);
      if (!note) return diagnosticOnLine(d, line + delta);
      // The earlier launch is before this one: it moved only when it too is from `at` on.
      const moved = note.line < at ? note : { names: note.names, namespace: note.namespace, line: note.line + delta };
      const out = createDiagnostic(d.code, d.severity, duplicateMessage(moved), lineRange(line + delta, d.range.start.character, d.range.end.character));
      this.duplicates.set(out, moved);
      return out;
    });
  }
}

/** The diagnostics of a run of the checks, and its memo for the next run over the same document. */
export interface CheckedLines {
  readonly diagnostics: Diagnostic[];
  readonly memo: ChecksMemo;
}

/** A run's memo: whether to make one (`keep`), the one it may resume from, and whose checks they are. */
interface MemoUse {
  readonly owner: ScriptChecks;
  readonly keep: boolean;
  readonly previous?: ChecksMemo;
}

function checkLines(
  lines: readonly Line[],
  options: ScriptCheckOptions,
  items: VmItemTable,
  enabled: ReadonlySet<Code>,
  duplicates: WeakMap<Diagnostic, DuplicateNote>,
  { owner, keep, previous }: MemoUse,
): { diagnostics: Diagnostic[]; memo?: ChecksMemo } {
  const severity = options.severity ?? 'warning';
  // A memo made by these checks with the same options is resumed from.
  const files = options.fileExists !== undefined;
  const resumed =
    previous && previous.checks === owner && previous.severity === severity && previous.files === files
      ? resumeStop(previous, lines, options.fileExists)
      : undefined;
  const from = resumed?.stop.line ?? 0;
  const state = new ChecksState(resumed?.stop);
  const out: Diagnostic[] = resumed ? previous!.replayed.slice(0, resumed.stop.made) : [];
  const stops: ChecksStop[] = resumed ? previous!.stops.slice(0, resumed.index + 1) : [];
  // The files asked about, in line order (the next run asks again before it resumes after them).
  const asked: FileAsked[] = resumed ? previous!.asked.filter((a) => a.line < from) : [];
  let reading = 0;
  const fileExists =
    options.fileExists &&
    ((path: string): boolean => {
      const exists = options.fileExists!(path);
      if (keep) asked.push({ line: reading, path, exists });
      return exists;
    });
  const report = (code: Code, message: string, range: Range): Diagnostic | undefined => {
    if (!enabled.has(code)) return undefined;
    const d = createDiagnostic(code, severity, message, range);
    out.push(d);
    return d;
  };
  const reportDuplicate = (note: DuplicateNote, range: Range): void => {
    const d = report(Codes.duplicateLaunch, duplicateMessage(note), range);
    if (d) duplicates.set(d, note);
  };
  if (!resumed) checkDirective(lines[0], report);
  // VM commands can name a queued VM only while a queue holds some: the replay visits them only then
  // (the checks run over the whole document after every edit, and most scripts have many VM commands).
  const roles = new Set(CHECKED);
  const watchTargets = enabled.has(Codes.queuedNotLaunched);
  if (watchTargets && state.queues > 0) roles.add('vm-command');
  const queuing = (name: string): boolean => (state.spaces.get(name)?.queue.length ?? 0) > 0;
  const queueMoved = (was: boolean, is: boolean): void => {
    if (was === is) return;
    state.queues += is ? 1 : -1;
    if (!watchTargets) return;
    if (state.queues > 0) roles.add('vm-command');
    else roles.delete('vm-command');
  };
  const visit = (v: CommandVisit): void => {
    const c = v.command;
    switch (c.handler.role) {
      case 'launch': {
        const was = queuing(v.namespace);
        // A bare `vm launch` starts the queue; with names (or a count) it launches or queues them.
        if (c.args.string.name === undefined) checkFlush(v, state, report);
        else checkLaunch(v, state, items, reportDuplicate);
        queueMoved(was, queuing(v.namespace));
        break;
      }
      case 'flush':
        // Flushing frees the names of dead VMs; not knowing which died, forget them all.
        if (v.namespace === '') state.launched.clear();
        else state.launched.delete(v.namespace);
        break;
      case 'namespace-hosts':
        if (v.namespace === '') {
          report(
            Codes.nsmodWithoutNamespace,
            '`nsmod` needs an active namespace; minimega answers `cannot run nsmod without active namespace`',
            commandRange(v.command, v.lineIndex),
          );
        } else if (c.args.bool['add-host'] && !isRefused(v.line, c)) state.space(v.namespace).hostsAdded = true;
        break;
      case 'leave-namespace': {
        const name = c.args.string.name;
        if (name !== undefined) {
          queueMoved(queuing(name), false);
          state.spaces.delete(name);
        }
        break;
      }
      case 'read':
        reading = v.lineIndex;
        checkRead(v, state.written.has(v.command.args.string.file ?? '') ? undefined : fileExists, report);
        break;
      case 'write':
        state.written.add(c.args.string.file ?? '');
        break;
      case 'vm-command':
        if (v.namespace !== '') checkQueuedTarget(v, state.spaces.get(v.namespace), report);
        break;
      default:
        break;
    }
  };
  replayLines(lines, roles, visit, {
    from,
    active: resumed ? resumed.stop.active.copy() : new ActiveNamespace(),
    ...(keep
      ? {
          every: STOP_LINES,
          boundary: (line: number, active: ActiveNamespace) => {
            // Stops far enough apart for their copies to cost little (checks-state.ts). The stop
            // resumed at is kept already.
            const last = stops[stops.length - 1];
            if (last === undefined || line - last.line >= Math.max(STOP_LINES, STOP_LINES_PER_ENTRY * state.size()))
              stops.push(state.stop(line, out.length, active));
          },
        }
      : {}),
  });
  const memo: ChecksMemo | undefined = keep
    ? {
        checks: owner,
        severity,
        files,
        lines: lines.slice(),
        stops,
        replayed: out.slice(),
        asked,
      }
    : undefined;
  // Found at the end, placed at their line: the list stays in line order.
  const replayed = out.length;
  for (const [name, s] of state.spaces) {
    if (s.queue.length === 0 || !s.lastQueued) continue;
    const { command, lineIndex } = s.lastQueued;
    report(
      Codes.queueNeverLaunched,
      `VMs queued in namespace \`${name}\` are never launched: no bare \`vm launch\` follows to launch the queue`,
      commandRange(command, lineIndex),
    );
  }
  const diagnostics = out.length === replayed ? out : orderDiagnostics(out);
  return memo ? { diagnostics, memo } : { diagnostics };
}

/** A VM command in a namespace naming a VM that is queued there but not launched yet. */
function checkQueuedTarget(v: CommandVisit, s: NamespaceState | undefined, report: Report): void {
  if (!s || s.queue.length === 0) return;
  const c = v.command;
  const k = c.words.findIndex((_w, i) => {
    const item = c.items[c.wordItems[i]!];
    return item !== undefined && item.type !== 'literal' && item.type !== 'choice' && c.handler.args[item.key]?.domain === 'vmTarget';
  });
  const word = c.words[k];
  if (!word) return;
  const list = splitList(word.value);
  if (!list.ok) return;
  if (!s.queuedNames) {
    s.queuedNames = new Set();
    for (const queued of s.queue) for (const item of queued) for (const n of vmItemNames(item)) s.queuedNames.add(n);
  }
  const queued = list.values.filter((n) => s.queuedNames!.has(n));
  if (queued.length === 0) return;
  const names = queued.map((n) => `\`${n}\``).join(', ');
  report(
    Codes.queuedNotLaunched,
    `${names} ${queued.length === 1 ? 'is' : 'are'} queued in namespace \`${v.namespace}\` but not launched yet: minimega answers \`vm not found\` (a bare \`vm launch\` launches the queue)`,
    lineRange(v.lineIndex, word.range.start.character, word.range.end.character),
  );
}

type Report = (code: Code, message: string, range: Range) => unknown;

/** The message of a duplicate launch. */
function duplicateMessage({ names, namespace, line }: DuplicateNote): string {
  const list = names.map((n) => `\`${n}\``).join(', ');
  const where = namespace === '' ? '' : ` in namespace \`${namespace}\``;
  const verb = names.length === 1 ? 'is' : 'are';
  return `${list} ${verb} already launched${where} (line ${line + 1})`;
}

/** A dialect directive on the first line that names no dialect `mm` knows (a command set file is the tools' to load). */
function checkDirective(first: Line | undefined, report: Report): void {
  const d = first && readDialectDirective(first.text);
  if (!d || d.dialect || directiveNamesFile(d)) return;
  const known = dialects.map((x) => x.version).join(' and ');
  report(Codes.unknownDialect, `unknown minimega version \`${d.version}\` (mm knows ${known}): the directive is ignored`, d.range);
}

/** The range of a command's own words (nested words belong to the nested command). */
function commandRange(command: Command, lineIndex: number): Range {
  const w = command.words;
  const first = w[0];
  const last = w[w.length - 1];
  if (!first || !last) return lineRange(lineIndex, 0, 0);
  return lineRange(lineIndex, first.range.start.character, last.range.end.character);
}

function checkFlush(v: CommandVisit, state: ChecksState, report: Report): void {
  if (v.namespace === '') {
    report(
      Codes.launchWithoutQueue,
      '`vm launch` without arguments starts the VMs queued in the active namespace, but no namespace is active here',
      commandRange(v.command, v.lineIndex),
    );
    return;
  }
  if ((state.spaces.get(v.namespace)?.queued ?? 0) === 0) {
    report(
      Codes.launchWithoutQueue,
      `nothing is queued in namespace \`${v.namespace}\`: queue VMs with \`vm launch kvm NAMES\` before \`vm launch\``,
      commandRange(v.command, v.lineIndex),
    );
    return;
  }
  const s = state.space(v.namespace);
  if (!s.hostsAdded && !s.warnedHosts) {
    s.warnedHosts = true;
    report(
      Codes.namespaceWithoutHosts,
      `namespace \`${v.namespace}\` launches VMs before any \`nsmod add-host\`: its hosts default to the mesh peers the node sees, which differ from node to node on a cluster`,
      commandRange(v.command, v.lineIndex),
    );
  }
  s.queued = 0;
  s.queue = [];
  s.queuedNames = undefined;
  s.lastQueued = undefined;
}

function checkLaunch(v: CommandVisit, state: ChecksState, vmItems: VmItemTable, reportDuplicate: (note: DuplicateNote, range: Range) => void): void {
  // minimega refuses the whole launch when a name is bad (a value check reports it): nothing is launched.
  if (isRefused(v.line, v.command)) return;
  const items = vmItems.of(v.line, v.command);
  if (v.namespace !== '') {
    const s = state.space(v.namespace);
    s.queued++;
    if (items.length > 0) s.queue.push(items);
    s.queuedNames = undefined;
    s.lastQueued = { command: v.command, lineIndex: v.lineIndex };
  }
  const names = state.launchedIn(v.namespace);
  // Group duplicates by the part of the word that names them (`web[1-4]` is one part).
  let groups: Map<string, { range: Range; names: string[]; line: number }> | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const duplicates = names.launch(item, v.lineIndex);
    if (!duplicates) continue;
    for (const { name, before } of duplicates) {
      const key = `${item.start}:${item.end}`;
      const g = (groups ??= new Map()).get(key);
      if (g) g.names.push(name);
      else groups.set(key, { range: lineRange(v.lineIndex, item.start, item.end), names: [name], line: before });
    }
  }
  if (!groups) return;
  for (const g of groups.values()) reportDuplicate({ names: g.names, namespace: v.namespace, line: g.line }, g.range);
}

/** Paths minimega rewrites before opening them (`$VAR`, the file store, URLs) cannot be checked here. */
function isCheckablePath(p: string): boolean {
  return p !== '' && !p.includes('$') && !p.startsWith('file:') && !/^https?:\/\//.test(p);
}

function checkRead(v: CommandVisit, fileExists: ScriptCheckOptions['fileExists'], report: Report): void {
  const c = v.command;
  const file = c.args.string.file;
  if (!fileExists || file === undefined || !isCheckablePath(file)) return;
  if (fileExists(file)) return;
  const i = c.words.findIndex((_w, k) => c.items[c.wordItems[k]!]?.key === 'file');
  const w = c.words[i];
  const range = w ? lineRange(v.lineIndex, w.range.start.character, w.range.end.character) : commandRange(v.command, v.lineIndex);
  report(Codes.readMissingFile, `\`${file}\` does not exist (paths are relative to the script's folder)`, range);
}
