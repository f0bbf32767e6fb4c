import { mulberry32, ZEventsBatch } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { compiledBody } from './compiled-body';

// The compiled schema must give the router the very answer zod's runtime parser gives: the same data for a valid
// batch (unknown keys dropped), the same issues, in order, for a refused one.
const random = mulberry32(15);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

// Per field: values zod accepts (undefined: the field left out), then values it refuses.
const FIELDS: Record<string, [ok: readonly unknown[], bad: readonly unknown[]]> = {
  id: [
    ['e-1', 'x'.repeat(200)],
    ['x'.repeat(201), '', 'a\u0000b', 7, null],
  ],
  experiment: [['spring-promo'], ['', 'k'.repeat(201), ['a']]],
  unit: [
    ['u-1', 'ü-ünit'],
    ['', '\u0000', false],
  ],
  type: [
    ['exposure', 'conversion'],
    ['click', 'Exposure', undefined],
  ],
  variant: [
    [undefined, 'promo'],
    ['', 3],
  ],
  metric: [
    [undefined, 'revenue'],
    ['', 'm'.repeat(201)],
  ],
  value: [
    [undefined, 0, 12.5, -1e15, 1e15],
    [1e16, '3', null],
  ],
  covariate: [
    [undefined, 4.25],
    [-2e15, Number.MAX_VALUE],
  ],
  ts: [
    [undefined, '2026-11-22T10:00:00Z', '2026-11-22T10:00:00.123+02:00'],
    [
      '2026-11-22T10:00Z',
      '2026-11-22 10:00:00Z',
      '2026-02-30T10:00:00Z',
      '1899-12-31T23:59:59Z',
      '2026-11-22T10:00:00',
      12,
    ],
  ],
  attributes: [
    [undefined, {}, { plan: 'pro' }],
    [{ plan: 'p'.repeat(201) }, { ['k'.repeat(201)]: 'v' }, { a: 1 }, ['x'], { a: 'b\u0000' }],
  ],
  extra: [[undefined, 'dropped'], []],
};

/** An event of accepted values; `broken`: each field refused one time in twenty. */
function draw(broken: boolean): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const [field, [ok, bad]] of Object.entries(FIELDS)) {
    const value = broken && bad.length && random() < 0.05 ? pick(bad) : pick(ok);
    if (value !== undefined) event[field] = value;
  }
  return event;
}

describe('compiledBody', () => {
  const compiled = compiledBody(ZEventsBatch);

  it('answers every batch as zod does: the same data, or the same issues in the same order', async () => {
    let refused = 0;
    for (let n = 0; n < 2_000; n++) {
      const size = 1 + Math.floor(random() * 4);
      const batch = { events: Array.from({ length: size }, () => draw(n % 2 === 1)), note: 'dropped' };
      const [runtime, fast] = await Promise.all([ZEventsBatch.safeParseAsync(batch), compiled.safeParseAsync(batch)]);
      expect(fast.success).toBe(runtime.success);
      if (runtime.success) expect(fast.data).toEqual(runtime.data);
      else {
        refused++;
        expect(fast.error?.issues).toEqual(runtime.error.issues);
      }
    }
    // Both kinds were met, so the comparison above covered both.
    expect(refused).toBeGreaterThan(400);
    expect(refused).toBeLessThan(1_000);
  });

  it('refuses what is not a batch as zod does', async () => {
    for (const body of [null, [], 'events', { events: [] }, { events: {} }, {}]) {
      const fast = await compiled.safeParseAsync(body);
      expect(fast.success).toBe(false);
      expect(fast.error?.issues).toEqual((await ZEventsBatch.safeParseAsync(body)).error?.issues);
    }
  });

  it('builds its own value: the data is not the body it was given', async () => {
    const batch = { events: [{ id: 'e', experiment: 'x', unit: 'u', type: 'exposure', extra: 1 }] };
    const fast = await compiled.safeParseAsync(batch);
    expect(fast.data).toEqual({ events: [{ id: 'e', experiment: 'x', unit: 'u', type: 'exposure' }] });
    expect(fast.data?.events[0]).not.toBe(batch.events[0]);
  });
});
