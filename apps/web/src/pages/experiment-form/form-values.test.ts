import { keyFromName } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { type ExperimentFormValues, equalWeights, toInput, validate } from './form-values';
import { NO_WINNER_SEND_VALUES } from './winner-send-values';

const values: ExperimentFormValues = {
  key: 'exit-coupon',
  name: 'Exit coupon',
  channel: 'EMAIL',
  variants: [
    { key: 'control', name: 'Control', weight: 0.5 },
    { key: 'treatment', name: '', weight: 0.5 },
  ],
  primaryName: 'conversion',
  primaryKind: 'binomial',
  primaryNumerator: '',
  primaryDenominator: '',
  guardrails: [],
  engine: 'frequentist',
  sequential: false,
  sequentialN: '',
  minLiftPct: '',
  alpha: 0.05,
  correction: 'holm',
  plannedUsers: 2000,
  segmentAttribute: '',
  winnerSend: NO_WINNER_SEND_VALUES,
  start: true,
};

describe('the new-experiment form', () => {
  it('makes a key the api accepts from any title', () => {
    expect(keyFromName('Exit-intent coupon: 10% off!')).toBe('exit-intent-coupon-10-off');
    expect(keyFromName('  Crème brûlée e-mail ')).toBe('creme-brulee-e-mail');
  });

  it('splits traffic equally in shares that sum to exactly 1', () => {
    expect(equalWeights(2)).toEqual([0.5, 0.5]);
    expect(equalWeights(3)).toEqual([0.3333, 0.3333, 0.3334]);
    for (const n of [2, 3, 6, 7, 8])
      expect(Math.abs(equalWeights(n).reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-9);
  });

  it('sends what the api expects: no empty names, no N* unless sequential', () => {
    const input = toInput(values, 'h1');
    expect(input.variants[1]).toEqual({ key: 'treatment', name: undefined, weight: 0.5 });
    expect(input.analysis).toEqual({ engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' });
    expect(input.segmentAttribute).toBeNull();
    // An empty minimum worthwhile lift leaves the default to the api; a given one is sent as a fraction.
    expect(toInput({ ...values, minLiftPct: 7.5 }, 'h1').analysis?.minLift).toBeCloseTo(0.075, 12);
    expect(validate(values, 'h1')).toEqual({});
  });

  it('puts each problem on the field the api would name', () => {
    const errors = validate(
      {
        ...values,
        key: 'no spaces please',
        variants: [
          { key: 'a', name: '', weight: 0.7 },
          { key: 'a', name: '', weight: 0.7 },
        ],
        guardrails: [{ name: 'conversion', kind: 'binomial', numerator: '', denominator: '', direction: 'down' }],
        sequential: true,
      },
      'h1',
    );
    expect(Object.keys(errors).sort()).toEqual([
      'analysis.sequential',
      'key',
      'metrics.guardrails.0.name',
      'variants',
      'variants.1.key',
    ]);
    expect(errors.variants).toMatch(/sum to 1/);
  });

  it('sends a ratio metric with its parts, and puts an unknown part on its field', () => {
    const ratio = {
      ...values,
      guardrails: [
        { name: 'orders', kind: 'mean' as const, numerator: 'x', denominator: 'y', direction: 'up' as const },
        {
          name: 'aov',
          kind: 'ratio' as const,
          numerator: ' conversion ',
          denominator: 'orders',
          direction: 'up' as const,
        },
      ],
    };
    const input = toInput(ratio, 'h1');
    expect(input.metrics.guardrails).toEqual([
      { name: 'orders', kind: 'mean', direction: 'up' },
      { name: 'aov', kind: 'ratio', numerator: 'conversion', denominator: 'orders', direction: 'up' },
    ]);
    expect(validate(ratio, 'h1')).toEqual({});
    const errors = validate({ ...ratio, primaryKind: 'ratio', primaryNumerator: 'revenue' }, 'h1');
    expect(Object.keys(errors).sort()).toEqual([
      'metrics.guardrails.1.numerator',
      'metrics.primary.denominator',
      'metrics.primary.numerator',
    ]);
  });

  it('asks a saved draft for the name and planned users it keeps', () => {
    const emptied = { ...values, name: ' ', plannedUsers: '' };
    expect(validate(emptied, 'h1')).toEqual({});
    expect(validate(emptied, 'h1', { saved: true })).toEqual({ name: 'is required', plannedUsers: 'is required' });
  });

  it('sends a winner send only when it is on and the channel is EMAIL, and names its fields', () => {
    const on = { ...values, winnerSend: { on: true, audienceSize: 20_000, decisionHours: 4, testShare: '' } };
    expect(toInput(on, 'h1').winnerSend).toEqual({ audienceSize: 20_000, decisionHours: 4 });
    expect(toInput({ ...on, channel: 'BANNER' }, 'h1').winnerSend).toBeNull();
    expect(toInput(values, 'h1').winnerSend).toBeNull();
    const bad = { ...on, winnerSend: { on: true, audienceSize: '', decisionHours: 0, testShare: 1 } };
    expect(Object.keys(validate(bad, 'h1')).sort()).toEqual([
      'winnerSend.audienceSize',
      'winnerSend.decisionHours',
      'winnerSend.testShare',
    ]);
  });
});
