import { describe, expect, it } from 'vitest';
import { isPriorDiscount, ZPriorDiscount } from './prior-discount';

describe('the prior discount', () => {
  it('accepts 1–100 inclusive, nothing else', () => {
    for (const ok of [1, 4, 100]) expect(isPriorDiscount(ok)).toBe(true);
    for (const bad of [0.999, 100.001, 0, -1, Number.NaN, '4', undefined]) expect(isPriorDiscount(bad)).toBe(false);
  });

  it('says why in the schema', () => {
    const r = ZPriorDiscount.safeParse(0.5);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('must be 1–100 (1 keeps the lower rung’s evidence at full weight)');
  });
});
