import type { AnalyzeResult } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { guardrailState } from './guardrail-state';

const srm = { chiSquare: 0, pValue: 1, flagged: false };
const result = (users: number, ci: [number, number] | null): AnalyzeResult => ({
  srm,
  variants: [
    { key: 'control', users, mean: users ? 0.01 : null },
    {
      key: 'treatment',
      users,
      mean: users ? 0.01 : null,
      estimate: 0,
      se: null,
      ci,
      significant: false,
      decision: 'inconclusive',
      pValue: null,
    },
  ],
  warnings: [],
});

describe('guardrailState', () => {
  it('has no data with 0 units or without an interval', () => {
    expect(guardrailState(result(0, null), 'down')).toBe('no_data');
    expect(guardrailState(result(500, null), 'down')).toBe('no_data');
  });
  it('is ok when the interval reaches the good side, harmed when it lies wholly on the bad side', () => {
    expect(guardrailState(result(500, [-0.01, 0.01]), 'down')).toBe('ok');
    expect(guardrailState(result(500, [0.001, 0.01]), 'down')).toBe('harmed');
    expect(guardrailState(result(500, [0.001, 0.01]), 'up')).toBe('ok');
  });
});
