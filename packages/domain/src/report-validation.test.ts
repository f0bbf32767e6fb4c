import { describe, expect, it } from 'vitest';
import { ZReportInput } from './events';
import { validateReport } from './report-validation';

const experiment = {
  key: 'spring',
  variants: [{ key: 'control' }, { key: 'promo' }],
  metrics: {
    primary: { name: 'purchase', kind: 'binomial' as const },
    guardrails: [{ name: 'revenue', kind: 'mean' as const, direction: 'up' as const }],
  },
};
const report = (raw: unknown) => ZReportInput.parse(raw);
const binomial = [
  { key: 'control', users: 100, conversions: 5 },
  { key: 'promo', users: 100, conversions: 8 },
];
const fails = (raw: unknown, field: string, message: string) =>
  expect(() => validateReport(report(raw), experiment)).toThrow(
    expect.objectContaining({ code: 'BAD_INPUT', field, message: expect.stringContaining(message) }),
  );

describe('validateReport', () => {
  it('defaults to the primary metric, and accepts a guardrail by name', () => {
    expect(validateReport(report({ variants: binomial }), experiment)).toEqual({
      metric: 'purchase',
      kind: 'binomial',
    });
    const mean = [
      { key: 'control', users: 10, sum: 10, sumSquares: 10 },
      { key: 'promo', users: 10, sum: 20, sumSquares: 40 },
    ];
    expect(validateReport(report({ metric: 'revenue', variants: mean }), experiment).metric).toBe('revenue');
  });

  it('refuses a metric or a variant the experiment does not have', () => {
    fails({ metric: 'clicks', variants: binomial }, 'metric', '"clicks" is not a metric of this experiment.');
    fails(
      { variants: [...binomial, { key: 'bundle', users: 1, conversions: 0 }] },
      'variants.2.key',
      '"bundle" is not a variant of "spring" (control, promo).',
    );
  });

  it('refuses a report for a ratio metric, naming its parts', () => {
    const ratio = {
      name: 'aov',
      kind: 'ratio' as const,
      numerator: 'revenue',
      denominator: 'purchase',
      direction: 'up' as const,
    };
    const withRatio = { ...experiment, metrics: { ...experiment.metrics, guardrails: [ratio] } };
    expect(() => validateReport(report({ metric: 'aov', variants: binomial }), withRatio)).toThrow(
      '"aov" is a ratio metric; report its parts ("revenue" and "purchase") instead.',
    );
  });

  it('refuses a variant listed twice, naming the second', () => {
    fails(
      { variants: [...binomial, { key: 'control', users: 50, conversions: 1 }] },
      'variants.2.key',
      '"control" is listed twice; send one row per variant.',
    );
  });

  it('needs every variant covered', () => {
    fails({ variants: binomial.slice(0, 1) }, 'variants', 'the report must cover every variant; missing: promo.');
  });

  it('a mean metric needs sum and sumSquares, and sumSquares ≥ sum²/users', () => {
    fails(
      { metric: 'revenue', variants: binomial },
      'variants.0.sum',
      'sum and sumSquares are required for the mean metric "revenue".',
    );
    // sum²/users = 10 exactly is allowed; just below is not
    const at = (sumSquares: number) => [
      { key: 'control', users: 10, sum: 10, sumSquares },
      { key: 'promo', users: 10, sum: 10, sumSquares: 10 },
    ];
    expect(validateReport(report({ metric: 'revenue', variants: at(10) }), experiment).metric).toBe('revenue');
    fails({ metric: 'revenue', variants: at(9.99) }, 'variants.0.sumSquares', 'cannot be below sum²/users.');
    // no users: nothing to bound
    const empty = [
      { key: 'control', users: 0, sum: 5, sumSquares: 0 },
      { key: 'promo', users: 10, sum: 10, sumSquares: 10 },
    ];
    expect(validateReport(report({ metric: 'revenue', variants: empty }), experiment).metric).toBe('revenue');
  });
});
