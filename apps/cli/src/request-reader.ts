// Why by hand: JSON.parse builds every object of a 20,000-request file at once, and a streaming JSON library
// builds the same objects more slowly; what `uplift analyze` needs is each request's few numbers, one request at
// a time (issue 15). So this reads the plain shape of an analyze request straight from the bytes, and gives up —
// returning null, never guessing — on anything else, which the caller then parses with JSON.parse.

import { CLOSE_ARRAY, COLON, COMMA, JsonCursor, NotPlain, notPlain, OPEN_ARRAY } from './json-cursor';

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** The members read, and the kind of JSON value each must hold; any other member sends the file to JSON.parse. */
const REQUEST_MEMBERS = new Map<string, 'string' | 'number' | 'boolean' | 'variants'>([
  ['metric', 'string'],
  ['variants', 'variants'],
  ['engine', 'string'],
  ['difference', 'string'],
  ['correction', 'string'],
  ['alpha', 'number'],
  ['sequential', 'number'],
  ['cuped', 'boolean'],
]);
const VARIANT_MEMBERS = new Set(
  'users sum sumSquares preSum preSumSquares sumProduct numSum numSumSquares denSum denSumSquares numDenSum'.split(' '),
);

/**
 * A reader over a file of analyze requests, `[{…}, {…}]`, that hands over each request as the object JSON.parse
 * would give for it, one at a time, keeping none. The file is plain when it is an array of objects whose members
 * are among REQUEST_MEMBERS and VARIANT_MEMBERS, each once, with values of the kind listed, and strings without
 * escapes or control characters. Anything else — including text that is not JSON — makes `each` return null,
 * having stopped at the first byte that does not fit, so the caller can parse the file the general way.
 */
export class RequestReader extends JsonCursor {
  private read = 0;

  /** Where the reader is: during `each`'s visit, just past the request visited. */
  get position(): number {
    return this.i;
  }

  /**
   * Calls `visit` with each request in order, stopping when it returns false. The number of requests visited
   * when the file is plain and `visit` never refused; −1 when `visit` refused one; null when the file is not plain.
   */
  each(visit: (request: Record<string, unknown>) => boolean): number | null {
    try {
      this.i = 0;
      this.space();
      this.expect(OPEN_ARRAY);
      let n = 0;
      while (this.more(n)) {
        if (!visit(this.request())) return -1;
        n++;
      }
      return n;
    } catch (error) {
      if (error instanceof NotPlain) return null;
      throw error;
    }
  }

  /**
   * After `each` found the file plain: for `next` to hand over the requests from number `index` on, the first of
   * which starts past byte `from` (a `position` `each` gave just past request index − 1).
   */
  seek(rest: { from: number; index: number }): void {
    this.i = rest.from;
    this.read = rest.index;
  }

  /** The next request after `seek`, or null after the last. */
  next(): Record<string, unknown> | null {
    return this.more(this.read++) ? this.request() : null;
  }

  /** Before request `index`: true if there is one, false at the closing bracket (and the end of the text). */
  private more(index: number): boolean {
    this.space();
    if (this.bytes[this.i] === CLOSE_ARRAY) {
      this.i++;
      this.space();
      if (this.i !== this.bytes.length) throw notPlain;
      return false;
    }
    if (index > 0) {
      this.expect(COMMA);
      this.space();
    }
    return true;
  }

  private request(): Record<string, unknown> {
    const request: Record<string, unknown> = {};
    this.expect(OPEN_OBJECT);
    this.space();
    if (this.bytes[this.i] === CLOSE_OBJECT) {
      this.i++;
      return request;
    }
    for (;;) {
      const name = this.memberName();
      const kind = REQUEST_MEMBERS.get(name);
      if (kind === undefined || Object.hasOwn(request, name)) throw notPlain;
      if (kind === 'variants') request.variants = this.variants();
      else if (kind === 'string') request[name] = this.string();
      else if (kind === 'number') request[name] = this.number();
      else request[name] = this.boolean();
      if (this.closes(CLOSE_OBJECT)) return request;
    }
  }

  private variants(): Record<string, unknown>[] {
    const list: Record<string, unknown>[] = [];
    this.expect(OPEN_ARRAY);
    this.space();
    if (this.bytes[this.i] === CLOSE_ARRAY) {
      this.i++;
      return list;
    }
    do list.push(this.variant());
    while (!this.closes(CLOSE_ARRAY));
    return list;
  }

  private variant(): Record<string, unknown> {
    const variant: Record<string, unknown> = {};
    this.expect(OPEN_OBJECT);
    this.space();
    if (this.bytes[this.i] === CLOSE_OBJECT) {
      this.i++;
      return variant;
    }
    for (;;) {
      const name = this.memberName();
      if (Object.hasOwn(variant, name)) throw notPlain;
      if (name === 'key') variant.key = this.string();
      else if (VARIANT_MEMBERS.has(name)) variant[name] = this.number();
      else throw notPlain;
      if (this.closes(CLOSE_OBJECT)) return variant;
    }
  }

  /** `"name":`, with the spaces JSON allows around the colon. */
  private memberName(): string {
    const name = this.string();
    this.space();
    this.expect(COLON);
    this.space();
    return name;
  }

  /** After a member or an element: true past the closing bracket, false past a comma (another follows). */
  private closes(bracket: number): boolean {
    this.space();
    if (this.bytes[this.i] === bracket) {
      this.i++;
      return true;
    }
    this.expect(COMMA);
    this.space();
    return false;
  }
}
