import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../stats/prng';
import { analyzeLocationTest, evaluateLocationTest } from './analyze-location-test';
import { ZLocationAnalysisInput } from './did-input';
import { groupSequentialBoundaries } from './group-sequential';
import {
  chooseLocationMethod,
  isSyntheticAnalysis,
  runLocationTest,
  storedLocationMethod,
  summarizeLocationTest,
} from './location-test';
import { factorSales } from './synthetic/factor-sales';

// The worked example of did.test.ts: 4 treated and 4 holdout stores, 2 weeks before 2025-03-17 and 2 from it.
// estimate 14.5, se 2.629956, df 5.572122, t 5.513401, p 0.0019 — z = −Φ⁻¹(T₅.₅₇₂(−5.513401)) = 3.104892 (scipy).
const WEEKS = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31'];
const SALES: Record<string, number[]> = {
  T1: [100, 110, 120, 130],
  T2: [200, 190, 215, 225],
  T3: [50, 60, 65, 75],
  T4: [80, 80, 100, 104],
  H1: [100, 100, 104, 106],
  H2: [150, 170, 170, 166],
  H3: [60, 70, 66, 68],
  H4: [90, 94, 100, 102],
};
const rows = Object.entries(SALES).flatMap(([location, sales]) =>
  sales.map((s, i) => ({ location, week: WEEKS[i]!, sales: s })),
);
const request = (extra: object = {}) =>
  ZLocationAnalysisInput.parse({
    rows,
    treatment: ['T1', 'T2', 'T3', 'T4'],
    holdout: ['H1', 'H2', 'H3', 'H4'],
    start: '2025-03-17',
    ...extra,
  });

describe('runLocationTest', () => {
  it('holds a p = 0.002 at week 2 of 8 against the boundary 4.33 and keeps running', () => {
    const result = runLocationTest(request({ method: 'did' }));
    expect(result.analysis.pValue).toBeLessThan(0.01);
    expect(result.sequential.look).toBe(2);
    expect(result.sequential.z).toBeCloseTo(3.104892, 5);
    expect(result.sequential.boundary).toBeCloseTo(groupSequentialBoundaries(8, 0.05)[1]!, 10);
    expect(result.sequential.boundaries).toHaveLength(8);
    expect(result.decision.outcome).toBe('KEEP_RUNNING');
    expect(result.decision.reason).toContain('2 of 8 planned weeks');
  });

  it('calls WIN when the same z crosses the last planned look’s boundary', () => {
    const result = runLocationTest(request({ method: 'did', plannedWeeks: 2 }));
    expect(result.sequential.boundary).toBeCloseTo(1.9686, 3);
    expect(result.decision).toMatchObject({ outcome: 'WIN', winner: 'treatment' });
  });

  it('calls INCONCLUSIVE at the last planned look when the boundary is not crossed', () => {
    const result = runLocationTest(request({ method: 'did', plannedWeeks: 2, alpha: 0.0005 }));
    expect(result.sequential.crossed).toBe(false);
    expect(result.decision.outcome).toBe('INCONCLUSIVE');
  });

  it('treats a look past the planned weeks as the last look', () => {
    const late = [...rows, ...Object.keys(SALES).map((location) => ({ location, week: WEEKS[4]!, sales: 100 }))];
    const result = runLocationTest({ ...request({ method: 'did', plannedWeeks: 2 }), rows: late });
    expect(result.sequential.look).toBe(3);
    expect(result.sequential.boundary).toBe(groupSequentialBoundaries(2, 0.05)[1]);
  });

  it('decides nothing on data that brings no new week', () => {
    const result = runLocationTest(request({ method: 'did', plannedWeeks: 3 }), 2);
    expect(result.sequential.crossed).toBe(true);
    expect(result.decision.outcome).toBe('KEEP_RUNNING');
    expect(result.decision.reason).toContain('No new week since week 2');
    expect(runLocationTest(request({ method: 'did', plannedWeeks: 3 }), 1).decision.outcome).toBe('WIN');
  });

  it('is NO_DATA without statistics', () => {
    const result = runLocationTest({ ...request({ method: 'did' }), rows: rows.filter((r) => r.week < '2025-03-17') });
    expect(result.sequential).toMatchObject({ look: 0, z: null, crossed: false });
    expect(result.decision.outcome).toBe('NO_DATA');
  });
});

describe('location method', () => {
  it('chooses synthetic control below 5 treated locations', () => {
    expect(chooseLocationMethod(4)).toBe('synthetic');
    expect(chooseLocationMethod(5)).toBe('did');
  });

  it('analyses by synthetic control when asked or chosen, by DiD from 5 treated locations or when asked', () => {
    for (const method of ['auto', 'synthetic'] as const) {
      const summary = analyzeLocationTest(request({ method }));
      expect(summary).toMatchObject({ method: 'synthetic', z: null, boundary: null, look: 2 });
      expect(summary.decision.outcome).not.toBe('WIN');
    }
    expect(analyzeLocationTest(request({ method: 'did' })).method).toBe('did');
  });
});

describe('evaluateLocationTest (the worker)', () => {
  it('stores a synthetic control for 4 treated locations under "auto", deciding only at the last planned week', () => {
    const sales = factorSales(mulberry32(3), { locations: 12, preWeeks: 6, postWeeks: 2, treated: 4, lift: 0 });
    const early = evaluateLocationTest(ZLocationAnalysisInput.parse(sales), 1);
    expect(early.method).toBe('synthetic');
    expect(isSyntheticAnalysis(early.analysis)).toBe(true);
    expect(early.analysis).toMatchObject({ method: 'synthetic', look: 2, plannedWeeks: 8, boundary: null });
    expect('sequential' in early.analysis).toBe(false);
    expect(early.decision.outcome).toBe('KEEP_RUNNING');
    // At the last planned week it decides; 8 holdouts cannot bring p below 1/9 > α, so not WIN.
    const last = evaluateLocationTest(ZLocationAnalysisInput.parse({ ...sales, plannedWeeks: 2 }));
    expect(last.analysis).toMatchObject({ boundary: 0.05 });
    expect(last.decision.outcome).toBe('INCONCLUSIVE');
    expect(last.decision.reason).toContain('placebo p =');
    // Asked for DiD, the same 4 treated locations get one.
    expect(evaluateLocationTest(ZLocationAnalysisInput.parse({ ...sales, method: 'did' })).method).toBe('did');
  });

  it('stores a DiD with its sequential look when asked, honouring the previous look', () => {
    const did = evaluateLocationTest(request({ method: 'did', plannedWeeks: 2 }));
    expect(did.method).toBe('did');
    expect(isSyntheticAnalysis(did.analysis)).toBe(false);
    expect(did.analysis).toMatchObject({ sequential: { look: 2, plannedWeeks: 2, crossed: true } });
    expect(did.decision.outcome).toBe('WIN');
    // The same crossing seen again at look 2 of 3 is no new look.
    expect(evaluateLocationTest(request({ method: 'did', plannedWeeks: 3 }), 2).decision.outcome).toBe('KEEP_RUNNING');
  });

  it('runs a stored split without a method (made before the choice) as the DiD it started as', () => {
    expect(storedLocationMethod({})).toBe('did');
    expect(storedLocationMethod({ method: 'auto' })).toBe('auto');
  });
});

describe('summarizeLocationTest', () => {
  it('reports the relative lift’s se as se over the counterfactual 108.75 + 6', () => {
    const summary = summarizeLocationTest(runLocationTest(request({ method: 'did' })));
    expect(summary.relativeSe).toBeCloseTo(2.6299556396765835 / 114.75, 10);
    expect(summary).toMatchObject({ method: 'did', look: 2, plannedWeeks: 8, decision: { outcome: 'KEEP_RUNNING' } });
    expect(summary.relative).toBeCloseTo(14.5 / 114.75, 10);
  });
});

describe('ZLocationAnalysisInput', () => {
  it('names a bad plannedWeeks or method', () => {
    const bad = (extra: object) => ZLocationAnalysisInput.safeParse({ ...request(), ...extra }).error?.issues[0];
    expect(bad({ plannedWeeks: 0 })).toMatchObject({ path: ['plannedWeeks'], message: 'must be between 1 and 104' });
    expect(bad({ plannedWeeks: 2.5 })).toMatchObject({ path: ['plannedWeeks'] });
    expect(bad({ method: 'geo' })).toMatchObject({ path: ['method'], message: 'must be "did", "synthetic" or "auto"' });
  });
});
