/**
 * The node's plumber (runtime-3.1.md §10.1-10.8), on the deterministic model
 * the note recommends: registrations and whole delivery trees run inside the
 * command, depth first, readers in ascending ID order (IDs given in
 * registration order); no host program ever runs. A program stage or a via
 * whose first word is one of PROGRAMS is simulated (`runProgram`: `sed`'s
 * substitutions, `tr`'s mappings, the rest pass values through); any other
 * via fails.
 */

/** The programs the simulator knows (docs/simulator.md): they pass values through. */
export const PROGRAMS: ReadonlySet<string> = new Set([
  'cat',
  'tee',
  'sed',
  'tr',
  'grep',
  'awk',
  'head',
  'tail',
  'sort',
  'uniq',
  'cut',
  'echo',
  'true',
  'sleep',
  'tc',
]);

/** The most values one command may deliver, so that a cycle (`plumb a a`) ends. */
export const MAX_DELIVERIES = 10_000;

export type PipeMode = 'all' | 'round-robin' | 'random';

interface Reader {
  readonly id: number;
  readonly pipeline: Pipeline;
  /** The stage the reader belongs to; values go to the next one. */
  readonly stage: number;
}

export interface Pipe {
  readonly name: string;
  mode: PipeMode;
  log: boolean;
  via: string[];
  readers: Reader[];
  writers: number;
  count: number;
  previous: string;
  cursor: number;
}

interface Pipeline {
  readonly name: string;
  /** Each stage: a pipe's full name, or a program's words. */
  readonly stages: readonly { readonly pipe?: string; readonly program?: string }[];
}

/** First word of an element, double-quoted groups kept together. */
function firstWord(element: string): string {
  const m = /^\s*("([^"]*)"|\S+)/.exec(element);
  return m ? (m[2] ?? m[1]!) : '';
}

/** Whether an element is a program stage (no `//`, first word a known program). */
export const isProgram = (element: string): boolean => !element.includes('//') && PROGRAMS.has(firstWord(element));

/** Splits an element into words, double-quoted groups kept together. */
function words(element: string): string[] {
  return [...element.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** `tr SET1 SET2` sets: characters and `a-z` ranges. */
function trSet(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]!);
  }
  return out;
}

/**
 * What a simulated program prints for one input line: `sed` applies its
 * `s/pattern/replacement/[g]` expressions, `tr` maps characters, every other
 * program passes the line through.
 */
export function runProgram(argv: readonly string[], line: string): string {
  const [prog, ...args] = argv;
  if (prog === 'sed') {
    let out = line;
    for (const a of args) {
      const m = /^s(.)(.*?)\1(.*?)\1(g?)$/.exec(a);
      if (!m) continue;
      try {
        out = out.replace(new RegExp(m[2]!, m[4] === 'g' ? 'g' : ''), m[3]!);
      } catch {
        // A pattern JavaScript cannot read leaves the line as it is.
      }
    }
    return out;
  }
  if (prog === 'tr' && args.length === 2) {
    const from = trSet(args[0]!);
    const to = trSet(args[1]!);
    return [...line].map((c) => (from.includes(c) ? (to[Math.min(from.indexOf(c), to.length - 1)] ?? c) : c)).join('');
  }
  return line;
}

/** A pipe argument qualified with the namespace. */
export const qualify = (ns: string, name: string): string => (name.includes('//') ? name : `${ns}//${name}`);

export class Plumber {
  readonly pipes = new Map<string, Pipe>();
  readonly pipelines = new Map<string, Pipeline>();
  private nextReader = 1;
  private deliveries = 0;

  /** The pipe of that full name, created with the defaults if needed. */
  pipe(name: string): Pipe {
    let p = this.pipes.get(name);
    if (!p) {
      p = { name, mode: 'all', log: false, via: [], readers: [], writers: 0, count: 0, previous: '', cursor: 0 };
      this.pipes.set(name, p);
    }
    return p;
  }

  /** `plumb <elements>`; the error text or "". */
  plumb(ns: string, elements: readonly string[]): string {
    const stages = elements.map((e) => (isProgram(e) ? { program: e } : { pipe: qualify(ns, e) }));
    const name = stages.map((s) => s.pipe ?? s.program).join(' ');
    if (this.pipelines.has(name)) return `pipeline already exists: [${name}]`;
    const pipeline: Pipeline = { name, stages };
    this.pipelines.set(name, pipeline);
    stages.forEach((s, i) => {
      if (s.pipe === undefined) return;
      const p = this.pipe(s.pipe);
      if (i < stages.length - 1) p.readers.push({ id: this.nextReader++, pipeline, stage: i });
      if (i > 0) p.writers++;
    });
    return '';
  }

  /** Tears a pipeline down: its readers close and its writers are released. */
  teardown(name: string): boolean {
    const pl = this.pipelines.get(name);
    if (!pl) return false;
    this.pipelines.delete(name);
    pl.stages.forEach((s, i) => {
      const p = s.pipe === undefined ? undefined : this.pipes.get(s.pipe);
      if (!p) return;
      p.readers = p.readers.filter((r) => r.pipeline !== pl);
      if (i > 0) p.writers = Math.max(0, p.writers - 1);
    });
    return true;
  }

  /** `clear pipe <name>`; the error text or "". */
  deletePipe(name: string): string {
    const p = this.pipes.get(name);
    if (!p) return `no such pipe: ${name}`;
    if (p.writers > 0) return 'cannot delete named pipe with open writers';
    for (const r of [...p.readers]) this.teardown(r.pipeline.name);
    this.pipes.delete(name);
    return '';
  }

  /** Writes a value into a pipe (`pipe <p> <data>`) and delivers it through every pipeline; `random` gives 32-bit integers. */
  write(name: string, value: string, random: () => number): void {
    this.deliveries = 0;
    this.deliver(this.pipe(name), value, random);
  }

  private deliver(p: Pipe, value: string, random: () => number): void {
    if (this.deliveries++ >= MAX_DELIVERIES) return;
    const readers = [...p.readers].sort((a, b) => a.id - b.id);
    if (p.mode === 'all' || readers.length === 0) {
      p.previous = value;
      for (const r of readers) {
        const out = this.via(p, value);
        if (out === undefined) return;
        this.forward(r, out, random);
      }
      p.count++;
      return;
    }
    let chosen: Reader;
    if (p.mode === 'round-robin') {
      chosen = readers.find((r) => r.id > p.cursor) ?? readers[0]!;
      p.cursor = chosen.id;
    } else {
      chosen = readers[random() % readers.length]!;
    }
    const out = this.via(p, value);
    if (out === undefined) return;
    p.previous = value;
    p.count++;
    this.forward(chosen, out, random);
  }

  /** The via's output for a value, or undefined when the via fails. */
  private via(p: Pipe, value: string): string | undefined {
    if (p.via.length === 0) return value;
    return PROGRAMS.has(p.via[0]!) ? runProgram(p.via, value) : undefined;
  }

  /** Hands a delivered value to the next stage; program stages transform it on the way. */
  private forward(r: Reader, value: string, random: () => number): void {
    const stages = r.pipeline.stages;
    let v = value;
    for (let i = r.stage + 1; i < stages.length; i++) {
      const s = stages[i]!;
      if (s.pipe !== undefined) return this.deliver(this.pipe(s.pipe), v, random);
      v = runProgram(words(s.program!), v);
    }
  }
}
