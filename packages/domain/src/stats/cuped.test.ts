import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import type { AnalyzeRequest } from './request';
import { CUPED_BINOMIAL, CUPED_MEAN } from './testing/cuped-data';
import type { BayesianTreatmentResult, FrequentistTreatmentResult } from './types';

// What a results page shows of CUPED: the adjusted and the raw comparison, how much narrower the adjusted one
// is, and the correlation that scales the planned users by (1 − ρ²).
const binomial = CUPED_BINOMIAL;
const mean = CUPED_MEAN;
const both = (request: AnalyzeRequest) => ({
  adjusted: analyze(request),
  plain: analyze({ ...request, cuped: false }),
});

describe('CUPED results carry the raw comparison and the variance reduction', () => {
  it.each([
    // Pooled ρ = (Σxy − ΣxΣy/n)/√((Σx² − (Σx)²/n)(Σy² − (Σy)²/n)) over all units, by hand in Python.
    ['binomial', binomial, 0.40192704184527794],
    ['mean', mean, 0.8702220045461898],
  ] as const)('%s, fixed horizon: raw = the unadjusted analysis; reductions from the two', (metric, variants, rho) => {
    const { adjusted, plain } = both({ metric, variants: [...variants], cuped: true });
    expect(adjusted.cuped?.correlation).toBeCloseTo(rho, 12);
    const t = adjusted.variants[1] as FrequentistTreatmentResult;
    const p = plain.variants[1] as FrequentistTreatmentResult;
    expect(t.cuped?.raw).toEqual({
      estimate: p.estimate,
      se: p.se,
      ci: p.ci,
      pValue: p.pValue,
      chanceToWin: null,
      risk: null,
    });
    const se = t.se as number;
    const rawSe = p.se as number;
    expect(se).toBeLessThan(rawSe);
    expect(t.cuped?.varianceReduction).toBeCloseTo(1 - (se * se) / (rawSe * rawSe), 12);
    const width = (ci: [number, number] | null) => (ci ? ci[1] - ci[0] : Number.NaN);
    expect(t.cuped?.intervalReduction).toBeCloseTo(1 - width(t.ci) / width(p.ci), 12);
    // With one θ for all variants, the variance CUPED removes is close to ρ² (Deng et al. 2013).
    expect(t.cuped?.varianceReduction).toBeGreaterThan(rho * rho - 0.05);
    expect(t.cuped?.varianceReduction).toBeLessThan(rho * rho + 0.05);
  });

  it('Bayesian: the raw twin carries chance to win and risk', () => {
    const { adjusted, plain } = both({ metric: 'binomial', engine: 'bayesian', variants: binomial, cuped: true });
    const t = adjusted.variants[1] as BayesianTreatmentResult;
    const p = plain.variants[1] as BayesianTreatmentResult;
    expect(t.cuped?.raw).toMatchObject({ chanceToWin: p.chanceToWin, risk: p.risk, pValue: null });
    expect(t.cuped?.intervalReduction).toBeGreaterThan(0.1);
  });

  it('a treatment too small to compare gets no CUPED block; the others do', () => {
    const tiny = { key: 'tiny', users: 1, sum: 1, preSum: 1, preSumSquares: 1, sumProduct: 1 };
    const result = analyze({ metric: 'binomial', cuped: true, variants: [...binomial, tiny] });
    expect(result.variants[1]).toHaveProperty('cuped');
    expect(result.variants[2]).not.toHaveProperty('cuped');
  });

  it('without CUPED no result carries a cuped block', () => {
    const result = analyze({ metric: 'binomial', variants: binomial });
    expect(result).not.toHaveProperty('cuped');
    expect(result.variants[1]).not.toHaveProperty('cuped');
  });
});
