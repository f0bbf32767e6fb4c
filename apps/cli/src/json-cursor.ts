// The tokens of JSON (RFC 8259) read straight from bytes, for RequestReader: why by hand is said there.

const SPACE = 0x20;
const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;

/** Thrown when the text leaves what the reader reads; the reader turns it into "not plain". */
export class NotPlain extends Error {}
export const notPlain = new NotPlain('not a plain request file');

/** A position in the bytes of a JSON text, moved on by reading one token at a time. */
export class JsonCursor {
  protected readonly bytes: Buffer;
  protected i = 0;
  private lastKey = '';
  private lastKeyStart = -1;
  private lastKeyEnd = -1;

  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** A string without escapes or control characters; the same text as the last one reuses its string. */
  protected string(): string {
    const { bytes } = this;
    this.expect(QUOTE);
    const start = this.i;
    let c = bytes[this.i];
    while (c !== QUOTE) {
      if (c === undefined || c < SPACE || c === BACKSLASH) throw notPlain;
      c = bytes[++this.i];
    }
    const end = this.i++;
    if (end - start === this.lastKeyEnd - this.lastKeyStart && this.sameBytes(start, end)) return this.lastKey;
    this.lastKey = bytes.toString('utf8', start, end);
    this.lastKeyStart = start;
    this.lastKeyEnd = end;
    return this.lastKey;
  }

  private sameBytes(start: number, end: number): boolean {
    const { bytes } = this;
    for (let k = 0; k < end - start; k++) if (bytes[start + k] !== bytes[this.lastKeyStart + k]) return false;
    return true;
  }

  /**
   * A number in JSON's grammar (RFC 8259 §6). Whole numbers of up to 15 digits are summed digit by digit, which
   * is exact below 2^53; any other is converted by Number(), which rounds a decimal literal exactly as JSON.parse.
   */
  protected number(): number | null {
    const { bytes } = this;
    const start = this.i;
    if (bytes[this.i] === 0x6e) return this.word('null', null); // sequential may be null
    if (bytes[this.i] === MINUS) this.i++;
    const first = this.i;
    if (bytes[this.i] === ZERO) this.i++;
    else this.digits();
    let whole = this.i - first <= 15;
    if (bytes[this.i] === DOT) {
      this.i++;
      this.digits();
      whole = false;
    }
    if (bytes[this.i] === 0x65 || bytes[this.i] === 0x45) {
      this.i++;
      if (bytes[this.i] === 0x2b || bytes[this.i] === MINUS) this.i++;
      this.digits();
      whole = false;
    }
    if (!whole) return Number(bytes.toString('latin1', start, this.i));
    let value = 0;
    for (let k = first; k < this.i; k++) value = value * 10 + ((bytes[k] as number) - ZERO);
    return first > start ? -value : value;
  }

  /** One or more digits. */
  private digits(): void {
    const start = this.i;
    while ((this.bytes[this.i] as number) >= ZERO && (this.bytes[this.i] as number) <= NINE) this.i++;
    if (this.i === start) throw notPlain;
  }

  protected boolean(): boolean {
    return this.bytes[this.i] === 0x74 ? this.word('true', true) : this.word('false', false);
  }

  private word<T>(text: string, value: T): T {
    for (let k = 0; k < text.length; k++) if (this.bytes[this.i + k] !== text.charCodeAt(k)) throw notPlain;
    this.i += text.length;
    return value;
  }

  protected expect(byte: number): void {
    if (this.bytes[this.i] !== byte) throw notPlain;
    this.i++;
  }

  protected space(): void {
    const { bytes } = this;
    let c = bytes[this.i];
    while (c === SPACE || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++this.i];
  }
}
