/**
 * Reading a stream of JSON values as Go's `json.Decoder` does, which is how
 * minimega's socket server reads requests: no terminator is needed (the
 * Python bindings send none), a value may arrive in pieces or share a write
 * with the next one, white space between values is skipped. Syntax errors
 * are found as soon as the offending byte arrives, with Go's wording
 * (`invalid character 'h' looking for beginning of value`), so a garbled
 * request is refused at once instead of waiting for more bytes.
 *
 * Incremental: each byte is looked at once, whatever the chunking. A value
 * larger than the limit is an error (the caller closes the connection).
 */

/** One step of decoding: a value, a syntax (or limit) error, or nothing complete yet. */
export type JsonStreamItem = { readonly value: unknown } | { readonly error: string };

/** Go's scanner limit on nesting. */
const MAX_DEPTH = 10_000;

enum S {
  BeginValue,
  BeginValueOrEmpty,
  BeginStringOrEmpty,
  BeginString,
  EndValue,
  InString,
  InStringEsc,
  InStringEscU,
  Neg,
  One,
  Zero,
  Dot,
  Dot0,
  E,
  ESign,
  E0,
  Literal,
}

enum Ctx {
  ObjectKey,
  ObjectValue,
  Array,
}

const SPACE = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const DIGIT = (c: number): boolean => c >= 0x30 && c <= 0x39;
const HEX = (c: number): boolean => DIGIT(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Go's `quoteChar`: how a byte is shown in a syntax error. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };
  if (named[c] !== undefined) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  // Go quotes the byte as the rune U+00XX: the C1 controls, NBSP and the soft hyphen are not printable.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16)}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** The rest of each literal after its first letter. */
const LITERALS: Record<number, string> = { 116: 'rue', 102: 'alse', 110: 'ull' };
const LITERAL_NAMES: Record<number, string> = { 116: 'true', 102: 'false', 110: 'null' };

/** The smallest store a decoder allocates, and the largest it keeps between values. */
const MIN_STORE_BYTES = 4096;
const IDLE_STORE_BYTES = 64 * 1024;

/** A decoder of a JSON value stream. Feed bytes with `push`, take values with `next`. */
export class JsonStreamDecoder {
  /** The bytes received and not consumed: the start of `store`. */
  private buf: Buffer = Buffer.alloc(0);
  /** Where they are kept, with room to grow: a value received in many chunks is copied about once, not once per chunk. */
  private store: Buffer = Buffer.alloc(0);
  /** Where scanning resumes in `buf`. */
  private pos = 0;
  /** Start of the value being scanned in `buf`, or -1 between values. */
  private start = -1;
  private state = S.BeginValue;
  private readonly stack: Ctx[] = [];
  /** Progress inside a literal or a \u escape. */
  private literal = 0;
  private literalFirst = 0;
  private failed: string | undefined;

  /** @param maxValueBytes the largest value accepted (bytes, white space inside included). */
  constructor(private readonly maxValueBytes: number) {}

  /** Bytes received and not yet consumed. */
  get buffered(): number {
    return this.buf.length - (this.start >= 0 ? this.start : this.pos);
  }

  /** Adds received bytes. */
  push(chunk: Buffer): void {
    if (this.failed !== undefined || chunk.length === 0) return;
    const keep = this.start >= 0 ? this.start : this.pos;
    const live = this.buf.length - keep;
    const need = live + chunk.length;
    // A large store let go between values, so that an idle connection holds little.
    if (live === 0 && this.store.length > IDLE_STORE_BYTES) this.store = Buffer.alloc(0);
    if (need > this.store.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * this.store.length, MIN_STORE_BYTES));
      this.buf.copy(grown, 0, keep);
      this.store = grown;
    } else if (keep > 0) this.store.copyWithin(0, keep, this.buf.length);
    chunk.copy(this.store, live);
    this.buf = this.store.subarray(0, need);
    this.pos -= keep;
    if (this.start >= 0) this.start -= keep;
  }

  /**
   * The next complete value or error; undefined when more bytes are needed.
   * `ended`: the stream has ended, so a number at the very end is complete
   * (anything else unfinished is simply dropped, as Go reports io.EOF).
   */
  next(ended = false): JsonStreamItem | undefined {
    if (this.failed !== undefined) return { error: this.failed };
    const buf = this.buf;
    while (this.pos < buf.length) {
      const c = buf[this.pos]!;
      const r = this.step(c);
      if (r === 'error') return { error: this.failed! };
      if (r === 'done-before') return this.take(this.pos);
      this.pos++;
      if (r === 'done') return this.take(this.pos);
      if (this.start >= 0 && this.pos - this.start > this.maxValueBytes) {
        return this.fail(`request larger than ${this.maxValueBytes} bytes`);
      }
    }
    if (ended && this.start >= 0 && this.isNumberEnd()) return this.take(this.pos);
    return undefined;
  }

  private isNumberEnd(): boolean {
    return this.stack.length === 0 && (this.state === S.One || this.state === S.Zero || this.state === S.Dot0 || this.state === S.E0);
  }

  private take(end: number): JsonStreamItem {
    const text = this.buf.toString('utf8', this.start, end);
    this.start = -1;
    this.state = S.BeginValue;
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (e) {
      // The scanner accepted it, so only engine limits (deep nesting) end here.
      return this.fail((e as Error).message);
    }
  }

  private fail(message: string): JsonStreamItem {
    this.failed = message;
    return { error: message };
  }

  private error(c: number, context: string): 'error' {
    this.failed = `invalid character ${quoteChar(c)} ${context}`;
    return 'error';
  }

  private push1(ctx: Ctx): 'error' | undefined {
    this.stack.push(ctx);
    if (this.stack.length > MAX_DEPTH) {
      this.failed = 'exceeded max depth';
      return 'error';
    }
    return undefined;
  }

  /** Ends a value; at the top level the value is complete. */
  private endValue(): 'done' | undefined {
    this.state = S.EndValue;
    return this.stack.length === 0 ? 'done' : undefined;
  }

  /**
   * Feeds one byte. 'done': a value ends with this byte; 'done-before': a
   * value (a top-level number) ended just before it.
   */
  private step(c: number): 'done' | 'done-before' | 'error' | undefined {
    switch (this.state) {
      case S.BeginValueOrEmpty:
        if (SPACE(c)) return undefined;
        if (c === 0x5d) return this.close(c);
        return this.beginValue(c);
      case S.BeginValue:
        if (SPACE(c)) return undefined;
        return this.beginValue(c);
      case S.BeginStringOrEmpty:
        if (SPACE(c)) return undefined;
        if (c === 0x7d) {
          this.stack[this.stack.length - 1] = Ctx.ObjectValue;
          return this.close(c);
        }
        return this.beginString(c);
      case S.BeginString:
        if (SPACE(c)) return undefined;
        return this.beginString(c);
      case S.EndValue:
        return this.afterValue(c);
      case S.InString:
        if (c === 0x22) return this.endValue();
        if (c === 0x5c) this.state = S.InStringEsc;
        else if (c < 0x20) return this.error(c, 'in string literal');
        return undefined;
      case S.InStringEsc:
        if (c === 0x75) {
          this.state = S.InStringEscU;
          this.literal = 0;
          return undefined;
        }
        if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
          this.state = S.InString;
          return undefined;
        }
        return this.error(c, 'in string escape code');
      case S.InStringEscU:
        if (!HEX(c)) return this.error(c, 'in \\u hexadecimal character escape');
        if (++this.literal === 4) this.state = S.InString;
        return undefined;
      case S.Neg:
        if (c === 0x30) this.state = S.Zero;
        else if (DIGIT(c)) this.state = S.One;
        else return this.error(c, 'in numeric literal');
        return undefined;
      case S.One:
        if (DIGIT(c)) return undefined;
        return this.afterInteger(c);
      case S.Zero:
        return this.afterInteger(c);
      case S.Dot:
        if (!DIGIT(c)) return this.error(c, 'after decimal point in numeric literal');
        this.state = S.Dot0;
        return undefined;
      case S.Dot0:
        if (DIGIT(c)) return undefined;
        if (c === 0x65 || c === 0x45) {
          this.state = S.E;
          return undefined;
        }
        return this.numberEnded(c);
      case S.E:
        if (c === 0x2b || c === 0x2d) {
          this.state = S.ESign;
          return undefined;
        }
        return this.exponentDigit(c);
      case S.ESign:
        return this.exponentDigit(c);
      case S.E0:
        if (DIGIT(c)) return undefined;
        return this.numberEnded(c);
      case S.Literal: {
        const rest = LITERALS[this.literalFirst]!;
        if (c !== rest.charCodeAt(this.literal)) {
          return this.error(c, `in literal ${LITERAL_NAMES[this.literalFirst]} (expecting ${quoteChar(rest.charCodeAt(this.literal))})`);
        }
        if (++this.literal === rest.length) return this.endValue();
        return undefined;
      }
    }
  }

  private beginString(c: number): 'error' | undefined {
    if (c !== 0x22) return this.error(c, 'looking for beginning of object key string');
    this.state = S.InString;
    return undefined;
  }

  private afterInteger(c: number): 'done' | 'done-before' | 'error' | undefined {
    if (c === 0x2e) this.state = S.Dot;
    else if (c === 0x65 || c === 0x45) this.state = S.E;
    else return this.numberEnded(c);
    return undefined;
  }

  private exponentDigit(c: number): 'error' | undefined {
    if (!DIGIT(c)) return this.error(c, 'in exponent of numeric literal');
    this.state = S.E0;
    return undefined;
  }

  private beginValue(c: number): 'done' | 'error' | undefined {
    if (this.stack.length === 0) this.start = this.pos;
    switch (c) {
      case 0x7b:
        this.state = S.BeginStringOrEmpty;
        return this.push1(Ctx.ObjectKey);
      case 0x5b:
        this.state = S.BeginValueOrEmpty;
        return this.push1(Ctx.Array);
      case 0x22:
        this.state = S.InString;
        return undefined;
      case 0x2d:
        this.state = S.Neg;
        return undefined;
      case 0x30:
        this.state = S.Zero;
        return undefined;
      case 0x74:
      case 0x66:
      case 0x6e:
        this.state = S.Literal;
        this.literalFirst = c;
        this.literal = 0;
        return undefined;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.state = S.One;
      return undefined;
    }
    if (this.stack.length === 0) this.start = -1;
    return this.error(c, 'looking for beginning of value');
  }

  /** A number ends at a byte that cannot continue it; that byte belongs to what follows. */
  private numberEnded(c: number): 'done-before' | 'done' | 'error' | undefined {
    if (this.stack.length === 0) {
      this.state = S.EndValue;
      return 'done-before';
    }
    this.state = S.EndValue;
    return this.afterValue(c);
  }

  private afterValue(c: number): 'done' | 'error' | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      // Between top-level values: the next one starts here.
      if (SPACE(c)) return undefined;
      this.state = S.BeginValue;
      return this.beginValue(c);
    }
    if (SPACE(c)) return undefined;
    switch (top) {
      case Ctx.ObjectKey:
        if (c === 0x3a) {
          this.stack[this.stack.length - 1] = Ctx.ObjectValue;
          this.state = S.BeginValue;
          return undefined;
        }
        return this.error(c, 'after object key');
      case Ctx.ObjectValue:
        if (c === 0x2c) {
          this.stack[this.stack.length - 1] = Ctx.ObjectKey;
          this.state = S.BeginString;
          return undefined;
        }
        if (c === 0x7d) return this.close(c);
        return this.error(c, 'after object key:value pair');
      case Ctx.Array:
        if (c === 0x2c) {
          this.state = S.BeginValue;
          return undefined;
        }
        if (c === 0x5d) return this.close(c);
        return this.error(c, 'after array element');
    }
  }

  private close(_c: number): 'done' | undefined {
    this.stack.pop();
    return this.endValue();
  }
}
