import { describe, expect, it } from 'vitest';
import { horizonValue } from './horizon-value';

describe('horizonValue', () => {
  it('takes the weeks until the test ends off the horizon (hand-checked)', () => {
    // 13 weeks = 3 months: 1,000 × (12 − 3) = 9,000; (9,000 − 3,000) / 3,000 = 2.
    expect(horizonValue({ expectedMonthlyGain: 1000, cost: 3000, horizonMonths: 12, endWeek: 13 })).toBe(2);
    // 26 weeks = 6 months: 500 × (24 − 6) = 9,000; (9,000 − 1,000) / 1,000 = 8.
    expect(horizonValue({ expectedMonthlyGain: 500, cost: 1000, horizonMonths: 24, endWeek: 26 })).toBe(8);
    // 4 weeks = 48/52 months: 2,600 × (12 − 0.923…) = 28,800; (28,800 − 8,000) / 8,000 = 2.6.
    expect(horizonValue({ expectedMonthlyGain: 2600, cost: 8000, horizonMonths: 12, endWeek: 4 })).toBeCloseTo(2.6, 12);
  });

  it('equals the ROI when the test ends today', () => {
    // (1,000 × 12 − 4,000) / 4,000 = 2, the ROI model's (gain·H − C)/C.
    expect(horizonValue({ expectedMonthlyGain: 1000, cost: 4000, horizonMonths: 12, endWeek: 0 })).toBe(2);
  });

  it('earns nothing when the test ends at or after the horizon: the whole cost is lost', () => {
    // 52 weeks = 12 months = H: no month left, (0 − C) / C = −1; later stays −1 (max(0, …)).
    expect(horizonValue({ expectedMonthlyGain: 1000, cost: 500, horizonMonths: 12, endWeek: 52 })).toBe(-1);
    expect(horizonValue({ expectedMonthlyGain: 1000, cost: 500, horizonMonths: 12, endWeek: 80 })).toBe(-1);
    // 26 weeks against a 3-month horizon: still −1, not a negative month count.
    expect(horizonValue({ expectedMonthlyGain: 1000, cost: 500, horizonMonths: 3, endWeek: 26 })).toBe(-1);
  });

  it('keeps a negative gain negative and has no value without a positive cost', () => {
    // −100 × (12 − 3) = −900; (−900 − 300) / 300 = −4.
    expect(horizonValue({ expectedMonthlyGain: -100, cost: 300, horizonMonths: 12, endWeek: 13 })).toBe(-4);
    expect(horizonValue({ expectedMonthlyGain: 100, cost: 0, horizonMonths: 12, endWeek: 13 })).toBeNull();
  });
});
