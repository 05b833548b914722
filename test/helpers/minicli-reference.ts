/**
 * An independent, deliberately naive reference implementation of minicli 2.3's
 * Compile (the shared spec's `minicli.md` sections 1 to 3), written from the spec for the
 * tests: its own input lexer, its own pattern reader, `strconv.Quote`
 * re-serialisation and closest-match over an ordered registry. It shares no
 * code with `language/`, so tests can compute expectations with it instead of
 * with the code under test. It is slow and simple on purpose.
 */

/** Go's `unicode.IsSpace`. */
export function refIsSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Go's `strings.TrimSpace` (code point aware). */
export function refTrim(s: string): string {
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  while (a < b && refIsSpace(cps[a]!.codePointAt(0)!)) a++;
  while (b > a && refIsSpace(cps[b - 1]!.codePointAt(0)!)) b--;
  return cps.slice(a, b).join('');
}

/** The input lexer of section 1.2: items or the exact error string. */
export function refLex(s: string): { items: string[] } | { error: string } {
  const cps = Array.from(s);
  const items: string[] = [];
  let buf = '';
  let force = false;
  let quote = '';
  let i = 0;
  const emit = (): void => {
    if (buf !== '' || force) items.push(buf);
    buf = '';
    force = false;
  };
  const readEscape = (): string | { error: string } => {
    if (i >= cps.length) return { error: 'expected escape character' };
    const c = cps[i++]!;
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", '#': '#' };
    const m = map[c];
    if (m === undefined) return { error: `unexpected escaped character: ${c}` };
    return m;
  };
  while (i < cps.length) {
    const c = cps[i++]!;
    if (quote !== '') {
      if (c === '\\') {
        const e = readEscape();
        if (typeof e !== 'string') return e;
        buf += e;
      } else if (c === quote) {
        force = true;
        quote = '';
      } else buf += c;
      continue;
    }
    if (refIsSpace(c.codePointAt(0)!)) emit();
    else if (c === '\\') {
      const e = readEscape();
      if (typeof e !== 'string') return e;
      buf += e;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      emit();
      return { items };
    } else buf += c;
  }
  if (quote !== '') return { error: `missing terminal ${quote}` };
  emit();
  return { items };
}

/** Go's `strconv.Quote` for the characters the tests generate (Go 1.7 IsPrint approximated). */
export function refQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const named: Record<string, string> = {
      '"': '\\"',
      '\\': '\\\\',
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
    };
    if (named[ch] !== undefined) out += named[ch];
    else if (cp === 0x20 || (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch) && cp !== 0xad)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** Section 1.5: items back to text. */
export function refReserialise(items: readonly string[]): string {
  return items.map((it) => (it.includes(' ') ? refQuote(it) : it)).join(' ');
}

/** One pattern item, read by the reference's own (simple) pattern reader. */
export interface RefItem {
  readonly kind: 'literal' | 'string' | 'choice' | 'list' | 'command';
  readonly optional: boolean;
  readonly key: string;
  readonly text: string;
  readonly options: readonly string[];
}

/**
 * Reads a well-formed pattern (all 304 of minimega 2.3 are): literals,
 * `<key text>`, `[key text]`, `<a,b>`, `[a,b]`, `...` lists, `(command)`.
 */
export function refPattern(p: string): RefItem[] {
  const out: RefItem[] = [];
  const re = /([<[(])([^>\])]*)[>\])](\.\.\.)?|([^\s<[(]+)/gu;
  for (const m of p.matchAll(re)) {
    if (m[4] !== undefined) {
      out.push({ kind: 'literal', optional: false, key: '', text: m[4], options: [] });
      continue;
    }
    const open = m[1]!;
    const body = m[2]!;
    const optional = open === '[';
    if (open === '(') {
      out.push({ kind: 'command', optional: false, key: body.split(/\s/)[0]!, text: body, options: [] });
    } else if (body.split(/\s/)[0]!.includes(',')) {
      // A comma before any white space makes a choice; after it, it is documentation.
      const opts = body.split(',');
      if (opts[opts.length - 1] === '') opts.pop();
      out.push({ kind: 'choice', optional, key: '', text: body, options: opts });
    } else {
      out.push({ kind: m[3] ? 'list' : 'string', optional, key: body.split(/\s/)[0]!, text: body, options: [] });
    }
  }
  return out;
}

/** A registry: handlers in registration order, each with its pattern strings in order. */
export type RefRegistry = readonly (readonly string[])[];

/** What the reference made of a text, in the shape of `mm parse`'s view (plus `reason`). */
export interface RefArgs {
  string: Record<string, string>;
  bool: Record<string, boolean>;
  list: Record<string, string[]>;
}

export interface RefCommand {
  readonly pattern: string;
  readonly original: string;
  readonly args: RefArgs;
  readonly subcommand: RefCommand | null;
  /** Which handler (index in the registry) matched; -1 for a nested comment. */
  readonly handler: number;
}

export type RefResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'comment'; readonly original: string }
  | { readonly kind: 'command'; readonly command: RefCommand; readonly apropos: boolean }
  | {
      readonly kind: 'error';
      readonly error: string;
      /** lex: lexer error; ambiguous: two apropos handler matches; none: nothing matched. */
      readonly reason: 'lex' | 'ambiguous' | 'none';
    };

/** A compiled reference registry. */
export class RefMinicli {
  private readonly handlers: { patterns: { text: string; items: RefItem[] }[] }[];

  constructor(registry: RefRegistry) {
    this.handlers = registry.map((ps) => ({ patterns: ps.map((text) => ({ text, items: refPattern(text) })) }));
  }

  /** minicli's Compile of one line (trim, alias, lex, comment test, closest match). */
  compile(line: string, aliases: ReadonlyMap<string, string> = new Map(), depth = 0): RefResult {
    let text = refTrim(line);
    if (text === '') return { kind: 'empty' };
    // 2.3 takes the first prefix alias in Go map order (random); mm documents a
    // deterministic choice: the longest name, ties to the first defined.
    let alias: [string, string] | undefined;
    for (const [name, exp] of aliases) {
      if (text.startsWith(name) && (!alias || name.length > alias[0].length)) alias = [name, exp];
    }
    if (alias) text = alias[1] + text.slice(alias[0].length);
    const lexed = refLex(text);
    if ('error' in lexed) return { kind: 'error', error: lexed.error, reason: 'lex' };
    if (text.startsWith('#')) return { kind: 'comment', original: text };
    const invalid = { kind: 'error' as const, error: `invalid command: \`${text}\``, reason: 'none' as 'none' | 'ambiguous' };
    let remembered: { command: RefCommand } | undefined;
    for (let h = 0; h < this.handlers.length; h++) {
      const r = this.matchHandler(h, text, lexed.items, aliases, depth);
      if (!r) continue;
      if (!r.apropos) return { kind: 'command', command: r.command, apropos: false };
      if (remembered) return { ...invalid, reason: 'ambiguous' };
      remembered = r;
    }
    if (remembered) return { kind: 'command', command: remembered.command, apropos: true };
    return invalid;
  }

  private matchHandler(
    h: number,
    text: string,
    input: readonly string[],
    aliases: ReadonlyMap<string, string>,
    depth: number,
  ): { command: RefCommand; apropos: boolean } | undefined {
    for (const p of this.handlers[h]!.patterns) {
      const r = this.matchPattern(h, p.text, p.items, text, input, aliases, depth);
      if (r) return r;
    }
    return undefined;
  }

  private matchPattern(
    h: number,
    pattern: string,
    items: readonly RefItem[],
    text: string,
    input: readonly string[],
    aliases: ReadonlyMap<string, string>,
    depth: number,
  ): { command: RefCommand; apropos: boolean } | undefined {
    const args: RefArgs = { string: {}, bool: {}, list: {} };
    let apropos = false;
    let sub: RefCommand | null = null;
    const done = (): { command: RefCommand; apropos: boolean } => ({
      command: { pattern, original: text, args, subcommand: sub, handler: h },
      apropos,
    });
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (i >= input.length) return item.optional ? done() : undefined;
      const w = input[i]!;
      switch (item.kind) {
        case 'literal':
          if (!item.text.startsWith(w)) return undefined;
          if (w !== item.text) apropos = true;
          break;
        case 'string':
          args.string[item.key] = w;
          break;
        case 'choice': {
          const hits = item.options.filter((o) => o.startsWith(w));
          if (hits.length !== 1) return undefined;
          args.bool[hits[0]!] = true;
          if (hits[0] !== w) apropos = true;
          break;
        }
        case 'list':
          args.list[item.key] = input.slice(i);
          return done();
        case 'command': {
          if (depth > 50) return undefined;
          const r = this.compile(refReserialise(input.slice(i)), aliases, depth + 1);
          if (r.kind === 'error') return undefined;
          if (r.kind === 'command') sub = r.command;
          else if (r.kind === 'comment') {
            sub = { pattern: '', original: r.original, args: { string: {}, bool: {}, list: {} }, subcommand: null, handler: -1 };
          }
          return done();
        }
      }
    }
    return input.length > items.length ? undefined : done();
  }
}

/** The `mm parse` view of a reference result (keys sorted, `original` kept). */
export interface RefView {
  ok: boolean;
  kind: 'command' | 'comment' | 'empty' | 'error';
  pattern: string;
  original: string;
  args: RefArgs;
  subcommand: RefSubView | null;
  error: string;
}

export interface RefSubView {
  pattern: string;
  original: string;
  args: RefArgs;
  subcommand: RefSubView | null;
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

function sortedArgs(a: RefArgs): RefArgs {
  return { string: sorted(a.string), bool: sorted(a.bool), list: sorted(a.list) };
}

function subView(c: RefCommand | null): RefSubView | null {
  if (!c) return null;
  return { pattern: c.pattern, original: c.original, args: sortedArgs(c.args), subcommand: subView(c.subcommand) };
}

/** Applies `.alias name=expansion` / `.unalias name` found anywhere in a matched command chain. */
export function refApplyAliases(r: RefResult, aliases: Map<string, string>): void {
  let c = r.kind === 'command' ? r.command : null;
  while (c) {
    if (c.pattern === '.alias <alias>...') {
      const joined = c.args.list.alias!.join(' ');
      const eq = joined.indexOf('=');
      if (eq >= 0) aliases.set(joined.slice(0, eq), joined.slice(eq + 1));
    } else if (c.pattern === '.unalias <alias>') aliases.delete(c.args.string.alias!);
    c = c.subcommand;
  }
}

/** Converts a reference result to the oracle / `mm parse` shape. */
export function refView(r: RefResult): RefView {
  const empty: RefArgs = { string: {}, bool: {}, list: {} };
  switch (r.kind) {
    case 'empty':
      return { ok: true, kind: 'empty', pattern: '', original: '', args: empty, subcommand: null, error: '' };
    case 'comment':
      return { ok: true, kind: 'comment', pattern: '', original: r.original, args: empty, subcommand: null, error: '' };
    case 'error':
      return { ok: false, kind: 'error', pattern: '', original: '', args: empty, subcommand: null, error: r.error };
    case 'command':
      return {
        ok: true,
        kind: 'command',
        pattern: r.command.pattern,
        original: r.command.original,
        args: sortedArgs(r.command.args),
        subcommand: subView(r.command.subcommand),
        error: '',
      };
  }
}
