/**
 * A strict JSON scanner over UTF-8 bytes that finds where each member of the top-level object
 * lies, without building the values. A Scan page's Items (a megabyte of them) can then travel on
 * to the renderer as the bytes DynamoDB sent, parsed once, in the page, instead of parsed here
 * and serialised again. The whole body is checked against the JSON grammar (RFC 8259), so what
 * is passed on parses wherever it lands. Structural characters are ASCII, and no byte of a
 * multi-byte UTF-8 sequence is below 0x80, so scanning bytes is safe.
 */

/** Where a member's value lies in the body: bytes [start, end). */
export interface Span {
  start: number;
  end: number;
  /** A CR or LF between the value's tokens (JSON whitespace), which an SSE data line cannot hold. */
  newline: boolean;
}

const MAX_DEPTH = 512;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class Scanner {
  private i = 0;
  private newline = false;
  /** Where the top-level "Items" list's elements lie ([start, end) pairs), when asked for. */
  private elementsOut: number[] | null = null;
  private recording = false;

  constructor(private readonly b: Uint8Array) {}

  private fail(what: string): never {
    throw new SyntaxError(`not JSON: ${what} at byte ${this.i}`);
  }

  private ws(): void {
    const b = this.b;
    for (;;) {
      const c = b[this.i];
      if (c === 0x20 || c === 0x09) this.i++;
      else if (c === 0x0a || c === 0x0d) {
        this.newline = true;
        this.i++;
      } else return;
    }
  }

  private string(): void {
    const b = this.b;
    let i = this.i + 1; // after the opening quote
    for (;;) {
      const c = b[i];
      if (c === QUOTE) break;
      if (c === undefined) this.fail('an unterminated string');
      if (c < 0x20) {
        this.i = i;
        this.fail('a control character in a string');
      }
      if (c === BACKSLASH) {
        const e = b[i + 1];
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            const h = b[i + k] ?? 0;
            const hex = (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66);
            if (!hex) {
              this.i = i;
              this.fail('a bad \\u escape');
            }
          }
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (e !== QUOTE && e !== BACKSLASH && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) {
          this.i = i;
          this.fail('a bad escape');
        }
        i += 2;
        continue;
      }
      i++;
    }
    this.i = i + 1;
  }

  private digits(): number {
    const b = this.b;
    const from = this.i;
    while ((b[this.i] ?? 0) >= 0x30 && (b[this.i] ?? 0) <= 0x39) this.i++;
    return this.i - from;
  }

  private number(): void {
    const b = this.b;
    if (b[this.i] === 0x2d) this.i++;
    if (b[this.i] === 0x30) this.i++;
    else if (this.digits() === 0) this.fail('an unexpected character');
    if (b[this.i] === 0x2e) {
      this.i++;
      if (this.digits() === 0) this.fail('a number without digits after its point');
    }
    if (b[this.i] === 0x65 || b[this.i] === 0x45) {
      this.i++;
      if (b[this.i] === 0x2b || b[this.i] === 0x2d) this.i++;
      if (this.digits() === 0) this.fail('a number without exponent digits');
    }
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++) {
      if (this.b[this.i + k] !== word.charCodeAt(k)) this.fail('an unexpected character');
    }
    this.i += word.length;
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.ws();
    const c = this.b[this.i];
    if (c === QUOTE) this.string();
    else if (c === 0x7b) this.members(depth, null);
    else if (c === 0x5b) this.elements(depth);
    else if (c === 0x74) this.literal('true');
    else if (c === 0x66) this.literal('false');
    else if (c === 0x6e) this.literal('null');
    else this.number();
    this.ws();
  }

  private elements(depth: number): void {
    this.i++; // [
    this.ws();
    if (this.b[this.i] === 0x5d) {
      this.i++;
      return;
    }
    const out = depth === 1 && this.recording ? this.elementsOut : null;
    this.recording = false;
    for (;;) {
      if (out) {
        this.ws();
        out.push(this.i);
      }
      this.value(depth + 1);
      if (out) {
        let end = this.i;
        while (isSpace(this.b[end - 1])) end--;
        out.push(end);
      }
      const c = this.b[this.i++];
      if (c === 0x5d) return;
      if (c !== 0x2c) this.fail('a list without , or ]');
    }
  }

  /** An object; with `spans`, records where each member's value lies (top level only). */
  private members(depth: number, spans: Map<string, Span> | null): void {
    this.i++; // {
    this.ws();
    if (this.b[this.i] === 0x7d) {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.b[this.i] !== QUOTE) this.fail('a member without a quoted name');
      const nameAt = this.i;
      this.string();
      const nameEnd = this.i;
      this.ws();
      if (this.b[this.i++] !== 0x3a) this.fail('a member without :');
      this.ws();
      const start = this.i;
      if (spans) this.newline = false;
      this.recording = spans !== null && this.elementsOut !== null && isItemsName(this.b, nameAt, nameEnd);
      this.value(depth + 1);
      this.recording = false;
      if (spans) {
        let end = this.i;
        while (end > start && isSpace(this.b[end - 1])) end--;
        const name = JSON.parse(Buffer.from(this.b.subarray(nameAt, nameEnd)).toString('utf8')) as string;
        spans.set(name, { start, end, newline: this.newline });
      }
      const c = this.b[this.i++];
      if (c === 0x7d) return;
      if (c !== 0x2c) this.fail('an object without , or }');
    }
  }

  /**
   * The members of the top-level object, or a SyntaxError when the body is not one JSON object.
   * `elements`: receives where each element of a top-level "Items" list lies, as [start, end)
   * pairs of byte offsets in the body.
   */
  topMembers(elements?: number[]): Map<string, Span> {
    this.elementsOut = elements ?? null;
    const spans = new Map<string, Span>();
    this.ws();
    if (this.b[this.i] !== 0x7b) this.fail('not an object');
    this.members(0, spans);
    this.ws();
    if (this.i !== this.b.length) this.fail('more after the end');
    return spans;
  }
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

const ITEMS_NAME = [0x22, 0x49, 0x74, 0x65, 0x6d, 0x73, 0x22]; // "Items"

/** Whether bytes [from, to) are the member name "Items" written without escapes. */
function isItemsName(b: Uint8Array, from: number, to: number): boolean {
  if (to - from !== ITEMS_NAME.length) return false;
  for (let k = 0; k < ITEMS_NAME.length; k++) if (b[from + k] !== ITEMS_NAME[k]) return false;
  return true;
}

/**
 * Where each member of the JSON object in `bytes` lies; throws SyntaxError unless it is one.
 * `elements`: see Scanner.topMembers.
 */
export function topMembers(bytes: Uint8Array, elements?: number[]): Map<string, Span> {
  return new Scanner(bytes).topMembers(elements);
}
