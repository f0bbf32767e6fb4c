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
/** Slots of the string cache: enough for a request's member names and its usual values. */
const SLOTS = 256;

export class JsonCursor {
  protected readonly bytes: Buffer;
  protected i = 0;
  /** A direct-mapped cache of strings by their bytes: where each slot's string was read, and the string. */
  private readonly slotStart = new Int32Array(SLOTS).fill(-1);
  private readonly slotEnd = new Int32Array(SLOTS);
  private readonly slotText: string[] = new Array(SLOTS).fill('');

  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /**
   * A string without escapes or control characters. Text read before — member names, "binomial", a control's
   * key — comes back as the same string from a small cache keyed by its bytes, so a file of 20,000 requests
   * makes few strings beyond its treatments' keys.
   */
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
    const length = end - start;
    const slot =
      length === 0 ? 0 : (length * 31 + (bytes[start] as number) * 7 + (bytes[end - 1] as number)) & (SLOTS - 1);
    const cached = this.slotStart[slot] as number;
    if (cached >= 0 && (this.slotEnd[slot] as number) - cached === length && this.sameBytes(start, cached, length)) {
      return this.slotText[slot] as string;
    }
    const text = bytes.toString('utf8', start, end);
    this.slotStart[slot] = start;
    this.slotEnd[slot] = end;
    this.slotText[slot] = text;
    return text;
  }

  private sameBytes(a: number, b: number, length: number): boolean {
    const { bytes } = this;
    for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
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
