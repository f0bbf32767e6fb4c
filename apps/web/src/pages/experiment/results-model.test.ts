import type { AnalyzeResult } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { resultsCsv } from './results-csv';
import { resultRows } from './results-model';

const srm = { chiSquare: 0, pValue: 1, flagged: false };
const bayesian: AnalyzeResult = {
  srm,
  warnings: [],
  variants: [
    { key: 'control', users: 1000, mean: 0.1 },
    {
      key: 'treatment',
      users: 1000,
      mean: 0.16,
      estimate: 0.6,
      se: 0.1,
      ci: [0.4, 0.8],
      significant: true,
      decision: 'win',
      chanceToWin: 0.999,
      risk: [0.6, 0.0004],
    },
  ],
};

describe('resultRows', () => {
  it('reads relative lifts as stored, with conversions = users × rate and the risk of choosing the treatment', () => {
    const [control, treatment] = resultRows(bayesian, 'binomial', 'relative', { control: 'Old mail' });
    expect(control).toMatchObject({ name: 'Old mail', control: true, conversions: 100, difference: null });
    expect(treatment).toMatchObject({ conversions: 160, difference: 0.6, interval: [0.4, 0.8], evidence: 0.999 });
    expect(treatment?.risk).toBe(0.0004);
  });

  it('reads absolute lifts in the control’s units: exactly mT − mC for the estimate', () => {
    const [, treatment] = resultRows(bayesian, 'binomial', 'absolute', {});
    expect(treatment?.difference).toBeCloseTo(0.16 - 0.1, 12);
    expect(treatment?.interval?.[0]).toBeCloseTo(0.04, 12);
    expect(treatment?.interval?.[1]).toBeCloseTo(0.08, 12);
    expect(treatment?.risk).toBeCloseTo(0.00004, 12);
  });

  it('has no conversions for averages and no risk for frequentist results', () => {
    const frequentist: AnalyzeResult = {
      srm,
      warnings: [],
      variants: [
        { key: 'a', users: 10, mean: 40 },
        {
          key: 'b',
          users: 10,
          mean: 50,
          estimate: 0.25,
          se: 0.1,
          ci: [0.05, 0.45],
          significant: true,
          decision: 'win',
          pValue: 0.02,
        },
      ],
    };
    const [a, b] = resultRows(frequentist, 'mean', 'relative', {});
    expect(a?.conversions).toBeNull();
    expect(b).toMatchObject({ evidence: 0.02, risk: null });
  });
});

describe('resultsCsv', () => {
  it('writes one line per variant with raw numbers and the view in the header', () => {
    const rows = resultRows(bayesian, 'binomial', 'relative', {});
    const lines = resultsCsv(rows, 'binomial', 'relative', true).split('\r\n');
    expect(lines[0]).toBe(
      'variant,name,users,conversions,conversion rate,lift (relative),interval low,interval high,chance to win,risk (expected loss),significance',
    );
    expect(lines[1]).toBe('control,control,1000,100,0.1,control,,,,,');
    expect(lines[2]).toBe('treatment,treatment,1000,160,0.16,0.6,0.4,0.8,0.999,0.0004,better');
  });
});
