import { describe, expect, it } from 'vitest';
import { EMPTY_READINESS, liveReadiness, type ReadinessValues } from './readiness-values';

const filled: ReadinessValues = {
  price: 40,
  discountPct: 25,
  unitCost: 30,
  fulfilmentCost: 2,
  expectedVolumePerMonth: 1000,
  capacityPerMonth: 5000,
  deliverableAtScale: true,
  notes: '',
};

describe('the readiness form, assessed as it is typed', () => {
  it('shows a negative margin after the discount as a failure', () => {
    const live = liveReadiness(filled); // 40 · 0.75 − 30 − 2 = −2
    expect(live.margin).toBeCloseTo(-2);
    expect(live.assessment).toMatchObject({ passes: false, monthlyContribution: -2000, capacityCoverage: 5 });
    expect(live.assessment?.failures[0]).toContain('-2.00, not positive');
  });

  it('passes at 15% off', () => {
    expect(liveReadiness({ ...filled, discountPct: 15 }).assessment).toMatchObject({ passes: true, failures: [] });
  });

  it('shows the margin before volume and capacity are known, and no errors for empty fields', () => {
    const live = liveReadiness({ ...EMPTY_READINESS, price: 40, discountPct: 15, unitCost: 30 });
    expect(live.margin).toBeCloseTo(4);
    expect(live.assessment).toBeNull();
    expect(live.errors).toEqual({});
  });

  it('names the field in its own units', () => {
    expect(liveReadiness({ ...filled, discountPct: 120 }).errors).toEqual({
      discountPct: 'must be at least 0% and below 100%',
    });
    expect(liveReadiness({ ...filled, capacityPerMonth: 10.5 }).errors).toEqual({
      capacityPerMonth: 'must be a whole number',
    });
  });
});
