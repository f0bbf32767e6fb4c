import { describe, expect, it } from 'vitest';
import { type PlanRequest, plan, ZPlanRequest } from './plan';
import { liftPower, minimumDetectableLift, usersForPower } from './power';

const problems = (input: unknown) => {
  const parsed = ZPlanRequest.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const run = (input: PlanRequest) => plan(ZPlanRequest.parse(input));

describe('plan', () => {
  it('sizes the test: the smallest whole users per variation reaching the power, and the days it takes', () => {
    const r = run({ metric: 'binomial', baseline: 0.1, lift: 0.1, variations: 3, usersPerDay: 1_000 });
    const base = { mean: 0.1, variance: 0.09 };
    expect(liftPower(base, 0.1, r.usersPerVariation, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(liftPower(base, 0.1, r.usersPerVariation - 1, 0.05)).toBeLessThan(0.8);
    expect(r.totalUsers).toBe(3 * r.usersPerVariation);
    expect(r.days).toBe(Math.ceil(r.totalUsers / 1_000));
    // The MDE at that size is the lift itself, give or take one user.
    expect(r.mde).toBeLessThanOrEqual(0.1);
    expect(r.mde).toBeGreaterThan(0.0999);
  });

  it('sizes a drop the same way as a rise of the same σΔ', () => {
    const base = { mean: 0.1, variance: 0.09 };
    const n = usersForPower(base, -0.1, 0.05, 0.9);
    expect(liftPower(base, -0.1, n, 0.05)).toBeGreaterThanOrEqual(0.9);
    expect(liftPower(base, -0.1, n - 1, 0.05)).toBeLessThan(0.9);
  });

  it('reports power and MDE for a given size, and no power without a lift', () => {
    const r = run({ metric: 'mean', baseline: 10, variance: 3910, totalUsers: 400_000, variations: 3 });
    expect(r).toMatchObject({ usersPerVariation: 400_000 / 3, totalUsers: 400_000, power: null });
    const base = { mean: 10, variance: 3910 };
    // At the MDE the standardised lift hits z_{0.975} − z_{0.2} exactly.
    const mde = r.mde as number;
    expect(mde).toBeCloseTo(minimumDetectableLift(base, 400_000 / 3, 0.05, 0.8) as number, 15);
    expect(liftPower(base, mde, 400_000 / 3, 0.05)).toBeCloseTo(0.8, 4);
    expect(r).not.toHaveProperty('days');
  });

  it('has no MDE when the sample cannot detect any lift', () => {
    expect(run({ metric: 'mean', baseline: 1, variance: 1_000, totalUsers: 10 }).mde).toBeNull();
  });

  it.each([
    [
      { metric: 'binomial', baseline: 1.2, lift: 0.1 },
      'baseline: must be a conversion rate between 0 and 1 (exclusive)',
    ],
    [{ metric: 'mean', baseline: 10, lift: 0.1 }, 'variance: is required for a mean metric'],
    [
      { metric: 'binomial', baseline: 0.1 },
      'lift: give lift (to size the test) or totalUsers (to get its power and MDE)',
    ],
    [{ metric: 'binomial', baseline: 0.1, lift: 0 }, 'lift: must not be 0'],
    [{ metric: 'binomial', baseline: 0.1, lift: 0.1, power: 1 }, 'power: must be ≥ 0.5 and < 1 (a target power)'],
    [{ metric: 'binomial', baseline: 0.1, lift: 0.1, variations: 1 }, 'variations: must be ≥ 2'],
    [{ metric: 'binomial', baseline: 0.1, lift: 0.1, alpha: 0.7 }, 'alpha: must be > 0 and ≤ 0.5'],
  ])('rejects %j', (input, line) => {
    expect(problems(input)).toContain(line);
  });
});
