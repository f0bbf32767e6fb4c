import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import type { AnalyzeRequest, VariantStats } from './request';
import type { BayesianTreatmentResult, FrequentistTreatmentResult } from './types';

const binomial = (variants: VariantStats[], extra: Partial<AnalyzeRequest> = {}): AnalyzeRequest => ({
  metric: 'binomial',
  variants,
  ...extra,
});
const v = (key: string, users: number, sum: number, sumSquares?: number): VariantStats => ({
  key,
  users,
  sum,
  sumSquares,
});
const nullStats = { estimate: null, se: null, ci: null, significant: false };

describe('degenerate data gives null statistics and a warning, never NaN', () => {
  it('a control with fewer than 2 users', () => {
    for (const users of [0, 1]) {
      const result = analyze(binomial([v('a', users, 0), v('b', 100, 10)]));
      expect(result.variants[0]).toEqual({ key: 'a', users, mean: users ? 0 : null });
      expect(result.variants[1]).toMatchObject({ ...nullStats, pValue: null, mean: 0.1 });
      expect(result.warnings).toContainEqual(expect.stringContaining('control "a" has fewer than 2 users'));
    }
  });

  it('a treatment with fewer than 2 users, leaving the other treatments alone', () => {
    const result = analyze(binomial([v('a', 100, 10), v('b', 1, 1), v('c', 100, 20)]));
    expect(result.variants[1]).toMatchObject(nullStats);
    expect(result.variants[2]?.estimate).toBeCloseTo(1, 12);
    expect(result.warnings).toContainEqual(expect.stringContaining('variant "b" has fewer than 2 users'));
  });

  it('zero variance: nobody converts, or every value of a mean metric is equal', () => {
    const none = analyze(binomial([v('a', 500, 0), v('b', 500, 0)], { difference: 'absolute' }));
    expect(none.variants[1]).toMatchObject({ ...nullStats, decision: 'inconclusive' });
    expect(none.warnings).toEqual([expect.stringContaining('zero variance')]);
    const flat = analyze({
      metric: 'mean',
      variants: [v('a', 3, 0.3, 0.03), v('b', 3, 0.3, 0.03)],
      difference: 'absolute',
    });
    expect(flat.variants[1]).toMatchObject(nullStats);
  });

  it('a control mean of 0 under a relative difference (absolute still works)', () => {
    const relative = analyze(binomial([v('a', 500, 0), v('b', 500, 5)]));
    expect(relative.variants[1]).toMatchObject(nullStats);
    expect(relative.warnings).toEqual([expect.stringContaining('mean 0')]);
    const absolute = analyze(binomial([v('a', 500, 0), v('b', 500, 5)], { difference: 'absolute' }));
    expect(absolute.variants[1]?.estimate).toBeCloseTo(0.01, 12);
    expect(absolute.warnings).toEqual([]);
  });

  it('CUPED without pre-period variance falls back to the unadjusted analysis', () => {
    const pre = { preSum: 100, preSumSquares: 100, sumProduct: 0 };
    const variants = [
      { ...v('a', 100, 1000, 12000), ...pre, sumProduct: 1000 },
      { ...v('b', 100, 1100, 14000), ...pre, sumProduct: 1100 },
    ];
    const cuped = analyze({ metric: 'mean', cuped: true, variants });
    const plain = analyze({ metric: 'mean', variants });
    expect(cuped.cuped).toEqual({ theta: null, correlation: null });
    // Nothing was adjusted, so the row is the plain one, without a raw twin.
    expect(cuped.variants[1]).toEqual(plain.variants[1]);
    expect(cuped.warnings).toEqual([expect.stringContaining('CUPED')]);
  });
});

describe('degenerate ratio metrics give null statistics and a warning', () => {
  const r = (key: string, users: number, numSum: number, denSum: number, spread = 1): VariantStats => ({
    key,
    users,
    numSum,
    numSumSquares: (numSum * numSum) / users + spread,
    denSum,
    denSumSquares: (denSum * denSum) / users + spread,
    numDenSum: (numSum * denSum) / users,
  });

  it('a denominator sum of 0 in the control, or in a treatment (the others still compared)', () => {
    const control = analyze({ metric: 'ratio', variants: [r('a', 100, 0, 0), r('b', 100, 50, 100)] });
    expect(control.variants[0]).toEqual({ key: 'a', users: 100, mean: null });
    expect(control.variants[1]).toMatchObject({ ...nullStats, mean: 0.5 });
    expect(control.warnings).toEqual([expect.stringContaining('control "a" has a denominator sum of 0')]);
    const treatment = analyze({
      metric: 'ratio',
      variants: [r('a', 100, 50, 100), r('b', 100, 0, 0), r('c', 100, 60, 100)],
    });
    expect(treatment.variants[1]).toMatchObject({ ...nullStats, mean: null });
    expect(treatment.variants[2]?.estimate).toBeCloseTo(0.2, 12);
    expect(treatment.warnings).toEqual([expect.stringContaining('variant "b" has a denominator sum of 0')]);
  });

  it('every unit with the same ratio: zero variance, never NaN', () => {
    // m = 2·d for every unit, so Σm² = 4Σd², Σmd = 2Σd²: the delta-method variance is exactly 0.
    const same = (key: string): VariantStats => ({
      key,
      users: 50,
      numSum: 200,
      numSumSquares: 4 * 1000,
      denSum: 100,
      denSumSquares: 1000,
      numDenSum: 2 * 1000,
    });
    const result = analyze({ metric: 'ratio', variants: [same('a'), same('b')] });
    expect(result.variants[1]).toMatchObject({ ...nullStats, mean: 2 });
    expect(result.warnings).toEqual([expect.stringContaining('zero variance')]);
  });

  it('CUPED asked for in-process on a ratio metric is ignored with a warning (the schema refuses it)', () => {
    const variants = [r('a', 100, 50, 100), r('b', 100, 60, 100)];
    const cuped = analyze({ metric: 'ratio', cuped: true, variants });
    expect(cuped.variants[1]).toEqual(analyze({ metric: 'ratio', variants }).variants[1]);
    expect(cuped.cuped).toEqual({ theta: null, correlation: null });
    expect(cuped.warnings).toEqual([expect.stringContaining('CUPED applies to binomial and mean metrics only')]);
  });

  it('a control ratio of 0 under a relative difference', () => {
    const result = analyze({ metric: 'ratio', variants: [r('a', 100, 0, 100), r('b', 100, 10, 100)] });
    expect(result.variants[1]).toMatchObject(nullStats);
    expect(result.warnings).toEqual([expect.stringContaining('mean 0')]);
  });
});

describe('decisions', () => {
  const clearWin = [v('a', 10_000, 1_000), v('b', 10_000, 1_300)];

  it('a clear lift is a significant win; a clear drop a loss', () => {
    expect(analyze(binomial(clearWin)).variants[1]).toMatchObject({ significant: true, decision: 'win' });
    expect(analyze(binomial([...clearWin].reverse())).variants[1]).toMatchObject({
      significant: true,
      decision: 'loss',
    });
  });

  it('SRM never reads as a win: decision "srm", significant false, and a warning', () => {
    const result = analyze(binomial([v('a', 10_000, 1_000), v('b', 11_000, 1_500)]));
    expect(result.srm.flagged).toBe(true);
    expect(result.variants[1]).toMatchObject({ significant: false, decision: 'srm' });
    expect((result.variants[1] as FrequentistTreatmentResult).pValue).toBeLessThan(1e-6);
    expect(result.warnings).toEqual([expect.stringContaining('sample ratio mismatch')]);
  });

  it('the same split is no mismatch when the weights expected it', () => {
    const result = analyze(binomial([v('a', 10_000, 1_000), v('b', 11_000, 1_500)], { weights: [10, 11] }));
    expect(result.srm).toMatchObject({ chiSquare: 0, flagged: false });
    expect(result.variants[1]?.decision).toBe('win');
  });

  it('decides on the adjusted p-value when a correction is asked for', () => {
    // Raw p ≈ 0.03 for b: a win alone, but not after Holm across three treatments.
    const variants = [v('a', 5_000, 500), v('b', 5_000, 570), v('c', 5_000, 505), v('d', 5_000, 498)];
    const raw = analyze(binomial(variants)).variants[1] as FrequentistTreatmentResult;
    const holm = analyze(binomial(variants, { correction: 'holm' })).variants[1] as FrequentistTreatmentResult;
    expect(raw.pValue).toBeLessThan(0.05);
    expect(raw).toMatchObject({ significant: true, decision: 'win' });
    expect(raw).not.toHaveProperty('adjustedPValue');
    expect(holm.adjustedPValue).toBeCloseTo(3 * (raw.pValue as number), 12);
    expect(holm).toMatchObject({ significant: false, decision: 'inconclusive' });
  });

  it('Bayesian results carry chanceToWin and risk, no p-value; corrections do not apply to them', () => {
    const result = analyze(binomial(clearWin, { engine: 'bayesian', correction: 'bh' }));
    const t = result.variants[1] as BayesianTreatmentResult;
    expect(t.chanceToWin).toBeGreaterThan(0.999);
    expect(t.risk?.[1]).toBeLessThan(t.risk?.[0] as number);
    expect(t).not.toHaveProperty('pValue');
    expect(t.decision).toBe('win');
    expect(result.warnings).toEqual([expect.stringContaining('correction "bh"')]);
    const sequential = analyze(binomial(clearWin, { engine: 'bayesian', sequential: 5_000 }));
    expect(sequential.variants[1]).toEqual(analyze(binomial(clearWin, { engine: 'bayesian' })).variants[1]);
    expect(sequential.warnings).toEqual([expect.stringContaining('sequential applies to the frequentist engine only')]);
  });
});
