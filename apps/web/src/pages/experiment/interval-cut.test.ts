import type { TreatmentResult } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { intervalCut } from './interval-cut';

const treatment = (ci: [number, number] | null) => ({ ci }) as TreatmentResult;

describe('intervalCut', () => {
  it('compares the adjusted interval with the raw one', () => {
    const raw = { estimate: 0.1, se: 0.05, ci: [0, 0.2] as [number, number] };
    expect(intervalCut(treatment([0.03, 0.17]), { raw, varianceReduction: 0.5 })).toBeCloseTo(0.3, 12);
  });

  it('takes the interval reduction the result gives', () => {
    expect(intervalCut(treatment(null), { raw: null, varianceReduction: 0.9, intervalReduction: 0.31 })).toBe(0.31);
  });

  it('falls back on the variance reduction: the width goes with √variance', () => {
    const raw = { estimate: null, se: null, ci: null };
    expect(intervalCut(treatment(null), { raw, varianceReduction: 0.51 })).toBeCloseTo(0.3, 12);
    expect(intervalCut(treatment(null), { raw, varianceReduction: null })).toBeNull();
  });
});
