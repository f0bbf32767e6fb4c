import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../stats/prng';
import { ZLocationAnalysisInput } from '../did-input';
import { analyzeSynthetic } from './analyze-synthetic';
import { prefersSynthetic } from './warnings';

const week = (w: number) => new Date(Date.UTC(2025, 0, 6 + 7 * w)).toISOString().slice(0, 10);
const START = week(26);

/** 24 stores over 34 weeks: two shared patterns mixed in different shares, plus ±1% seeded weekly noise. */
function stores(lift = 0, treated = ['s0', 's1']) {
  const random = mulberry32(5);
  const rows = [];
  for (let i = 0; i < 24; i++) {
    for (let t = 0; t < 34; t++) {
      const a = Math.sin(t / 3);
      const b = Math.cos(t / 5);
      const mix = (i % 6) / 5;
      const wobble = 0.02 * (random() - 0.5);
      const factor = treated.includes(`s${i}`) && t >= 26 ? 1 + lift : 1;
      rows.push({
        location: `s${i}`,
        week: week(t),
        sales: 1000 * (1 + i / 10) * (1 + 0.1 * (mix * a + (1 - mix) * b) + wobble) * factor,
      });
    }
  }
  const holdout = Array.from({ length: 24 }, (_, i) => `s${i}`).filter((id) => !treated.includes(id));
  return ZLocationAnalysisInput.parse({ rows, treatment: treated, holdout, start: START });
}

describe('analyzeSynthetic', () => {
  it('finds a +10% lift in two treated stores, ranks it first among the placebos and calls a WIN at the last week', () => {
    const result = analyzeSynthetic({ ...stores(0.1), plannedWeeks: 8 });
    expect(result.method).toBe('synthetic');
    expect(result.relative).toBeCloseTo(0.1, 2);
    expect(result.pValue).toBeCloseTo(1 / 23, 10); // the floor: 22 holdouts + the treated fit
    expect(result.significant).toBe(true);
    expect(result.boundary).toBe(0.05);
    expect(result.decision.outcome).toBe('WIN');
    expect(result.ci![0]).toBeGreaterThan(0);
    expect(result.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 8);
    expect(result.weights.every((w) => w.scm >= 0)).toBe(true);
    expect(result.series).toHaveLength(34);
    expect(result.treatment).toEqual({ locations: 2, preMean: expect.any(Number) });
    // 24 candidate stores and 26 pre-period weeks meet GeoLift's guidance: no caution.
    expect(result.warnings).toEqual([]);
  });

  it('finds nothing without a lift and reports a large p-value', () => {
    const result = analyzeSynthetic({ ...stores(0), plannedWeeks: 8 });
    expect(Math.abs(result.relative!)).toBeLessThan(0.01);
    expect(result.pValue).toBeGreaterThan(0.2);
    expect(result.decision.outcome).toBe('INCONCLUSIVE');
  });

  it('decides only at its last planned look, however small the p-value before', () => {
    const result = analyzeSynthetic({ ...stores(0.1), plannedWeeks: 12 });
    expect(result.pValue).toBeLessThanOrEqual(0.05);
    expect(result.look).toBe(8);
    expect(result.significant).toBe(false);
    expect(result.boundary).toBeNull();
    expect(result.decision.outcome).toBe('KEEP_RUNNING');
    expect(result.decision.reason).toMatch(/8 of 12 planned weeks/);
  });

  it('warns below 20 candidate locations and 25 pre-period weeks, and gives zero power when α is out of reach', () => {
    const input = stores(0.1);
    const few = ['s2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12', 's13'];
    const rows = input.rows.filter((r) => r.week >= week(10) && (r.location < 's14' || r.location.length === 2));
    const result = analyzeSynthetic({ ...input, rows, holdout: few });
    expect(result.holdout.locations).toBe(12);
    expect(result.warnings.join('\n')).toMatch(/only 14 locations: .* at least 20 candidate locations/);
    expect(result.warnings.join('\n')).toMatch(/only 16 weeks before the start: .* at least 25 pre-period weeks/);
    expect(result.pValue).toBeCloseTo(1 / 13, 10);
    expect(result.warnings.join('\n')).toMatch(/cannot go below 1\/13 = 0\.077 > α = 0\.05/);
    expect(result.power).toBe(0);
    expect(result.significant).toBe(false);
  });

  it('excludes a store with a missing week and returns null statistics without enough holdouts', () => {
    const input = stores(0);
    const gap = analyzeSynthetic({
      ...input,
      rows: input.rows.filter((r) => !(r.location === 's5' && r.week === week(3))),
    });
    expect(gap.excluded).toEqual(['s5']);
    expect(gap.warnings[0]).toBe('1 of 34 weeks missing for s5; excluded');
    const none = analyzeSynthetic({ ...input, holdout: ['s2'] });
    expect(none.estimate).toBeNull();
    expect(none.decision.outcome).toBe('NO_DATA');
    expect(none.warnings.at(-1)).toMatch(/at least 2 holdout locations .* holdouts 1/);
  });

  it('is what method "auto" picks below 5 treated locations', () => {
    expect([1, 2, 4, 5, 12].map(prefersSynthetic)).toEqual([true, true, true, false, false]);
  });
});
