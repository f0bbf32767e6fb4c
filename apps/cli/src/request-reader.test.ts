import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestReader } from './request-reader';

/** What the reader hands over for a text: its requests, or null (not plain). */
function read(text: string): Record<string, unknown>[] | null {
  const out: Record<string, unknown>[] = [];
  const count = new RequestReader(Buffer.from(text, 'utf8')).each((request) => out.push(request) > 0);
  if (count === null) return null;
  expect(count).toBe(out.length);
  return out;
}

const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, 5e-324, 0.1),
);
/** A number written the ways JSON allows: as JSON.stringify writes it, or with an exponent or a long mantissa. */
const numberText = fc.tuple(number, fc.nat(3)).map(([n, style]) => {
  if (style === 1) return n.toExponential();
  if (style === 2 && Number.isInteger(n) && Math.abs(n) < 1e15) return `${n}.000`;
  return JSON.stringify(n);
});
const key = fc
  .fullUnicodeString({ maxLength: 8 })
  .filter((s) => ![...s].some((c) => c === '\\' || c === '"' || c < ' '));
const variantText = fc
  .record({ key, users: numberText, sum: numberText, sumSquares: fc.option(numberText, { nil: undefined }) })
  .map(
    (v) =>
      `{"key":${JSON.stringify(v.key)},"users":${v.users},"sum":${v.sum}${v.sumSquares ? `,"sumSquares":${v.sumSquares}` : ''}}`,
  );
const requestText = fc
  .tuple(
    fc.constantFrom('binomial', 'mean', 'ratio', 'median'),
    fc.array(variantText, { maxLength: 4 }),
    fc.option(numberText, { nil: undefined }),
    fc.option(fc.boolean(), { nil: undefined }),
    fc.option(fc.constantFrom('null', '1000'), { nil: undefined }),
  )
  .map(([metric, variants, alpha, cuped, sequential]) => {
    const members = [`"variants":[${variants.join(', ')}]`, `"metric":"${metric}"`];
    if (alpha !== undefined) members.push(`"alpha":${alpha}`);
    if (cuped !== undefined) members.push(`"cuped":${cuped}`);
    if (sequential !== undefined) members.push(`"sequential":${sequential}`);
    return `{${members.join(',\n ')}}`;
  });

describe('RequestReader', () => {
  it('hands over exactly what JSON.parse gives for plain files, numbers to the bit', () => {
    const file = fc.tuple(fc.array(requestText, { maxLength: 5 }), fc.constantFrom('', ' ', '\n', '\t', '\r\n '));
    fc.assert(
      fc.property(file, ([requests, gap]) => {
        const text = `${gap}[${gap}${requests.join(`${gap},${gap}`)}${gap}]${gap}`;
        // toEqual tells 0 from −0 and compares every number exactly.
        expect(read(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives up (null) on whatever is not plain, so JSON.parse reads the file', () => {
    const v = '{"key":"a","users":10,"sum":1}';
    for (const text of [
      `{"metric":"binomial","variants":[${v},${v}]}`, // a lone request, not an array
      `[{"metric":"bin\\u006fmial","variants":[${v}]}]`, // an escape
      `[{"metric":"binomial","variants":[${v}],"note":"x"}]`, // a member it does not know
      `[{"metric":"binomial","metric":"mean","variants":[${v}]}]`, // a repeated member
      `[{"metric":"binomial","variants":[${v}],"weights":[1,1]}]`, // weights
      `[{"metric":"binomial","__proto__":{},"variants":[${v}]}]`,
      `[{"metric":"binomial","variants":[{"key":"a","users":10,"users":11}]}]`,
      `[{"metric":"binomial","variants":[${v}]},]`, // a trailing comma: not JSON
      `[{"metric":"binomial","variants":[{"key":"a","users":01}]}]`, // a leading zero: not JSON
      `[{"metric":"binomial","variants":[{"key":"a","users":1.}]}]`,
      `[{"metric":"binomial","variants":[{"key":"a\tb","users":1}]}]`, // a raw tab inside a string
      `[{"metric":"binomial","variants":[${v}]}] x`,
      `[1]`,
    ]) {
      expect(read(text), text).toBeNull();
    }
    expect(read('[]')).toEqual([]);
  });

  it('never vouches for text that is not JSON: a plain reading always equals JSON.parse of the whole', () => {
    const base = '[{"metric":"binomial","variants":[{"key":"a","users":1200,"sum":-1.5e-3},{"key":"b","users":7}]}]';
    const edit = fc.tuple(fc.nat(base.length), fc.nat(3), fc.constantFrom(...'{}[]",:.-+eE0 1tnx\\'), fc.boolean());
    fc.assert(
      fc.property(edit, ([at, length, char, insert]) => {
        const text = insert ? base.slice(0, at) + char + base.slice(at) : base.slice(0, at) + base.slice(at + length);
        const requests = read(text);
        if (requests !== null) expect(requests).toEqual(JSON.parse(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('stops at the first request the visitor refuses, and says so with −1', () => {
    const text = `[${['a', 'b', 'c'].map((k) => `{"metric":"${k}","variants":[]}`).join(',')}]`;
    const seen: unknown[] = [];
    const reader = new RequestReader(Buffer.from(text));
    expect(reader.each((r) => seen.push(r.metric) < 2)).toBe(-1);
    expect(seen).toEqual(['a', 'b']);
    expect(reader.each(() => true)).toBe(3);
  });

  it('reads again from where a visit ended: seek to the position after request k hands over k+1 onwards', () => {
    const text = ` [ ${['a', 'b', 'c', 'd'].map((k) => `{"metric":"${k}", "variants":[]}`).join(' ,\n ')} ] `;
    const reader = new RequestReader(Buffer.from(text));
    const positions: number[] = [];
    expect(reader.each(() => positions.push(reader.position) > 0)).toBe(4);
    for (const [k, from] of positions.entries()) {
      reader.seek({ from, index: k + 1 });
      const rest: unknown[] = [];
      for (let request = reader.next(); request !== null; request = reader.next()) rest.push(request.metric);
      expect(rest).toEqual(['a', 'b', 'c', 'd'].slice(k + 1));
    }
  });
});
