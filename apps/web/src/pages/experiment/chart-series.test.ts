import type { AnalyzeResult } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { bandKey, errorKey, liftRows, rateRows, valueRange } from './chart-series';

const analysis = (mean: number, estimate: number | null, ci: [number, number] | null) =>
  ({
    srm: { pValue: 0.5, flagged: false },
    warnings: [],
    variants: [
      { key: 'control', users: 100, mean },
      { key: 'gift', users: 100, mean: mean * 1.1, estimate, ci, se: 0.01, significant: false, decision: 'continue' },
    ],
  }) as unknown as AnalyzeResult;

const points = [
  { evaluatedAt: '2026-11-03T09:00:00Z', users: 2000, analysis: analysis(0.05, 0.08, [0.01, 0.15]) },
  { evaluatedAt: '2026-11-02T09:00:00Z', users: 1000, analysis: analysis(0.04, null, null) },
  { evaluatedAt: '2026-11-04T09:00:00Z', users: 3000, analysis: null },
];

describe('liftRows', () => {
  it('orders evaluations by time and pairs each estimate with its interval band', () => {
    const rows = liftRows(points);
    expect(rows.map((r) => r.users)).toEqual([1000, 2000]);
    expect(rows[0]!.t).toBe(Date.UTC(2026, 10, 2, 9));
    expect(rows[1]!.gift).toBe(0.08);
    expect(rows[1]![bandKey('gift')]).toEqual([0.01, 0.15]);
    expect(rows[0]![bandKey('gift')]).toBeNull();
    expect((rows[1]![errorKey('gift')] as number[]).map((x) => +x.toFixed(6))).toEqual([0.07, 0.07]);
    expect(rows[0]).not.toHaveProperty('control');
  });
});

describe('rateRows', () => {
  it('gives every variant, the control included, its rate per evaluation', () => {
    const rows = rateRows(points);
    expect(rows[0]).toMatchObject({ control: 0.04 });
    expect(rows[1]!.gift).toBeCloseTo(0.055);
  });
});

describe('valueRange', () => {
  it('spans estimates and both ends of the bands, ignoring nulls', () => {
    expect(valueRange(liftRows(points), ['gift', bandKey('gift')])).toEqual([0.01, 0.15]);
    expect(valueRange([], ['gift'])).toBeNull();
  });
});
