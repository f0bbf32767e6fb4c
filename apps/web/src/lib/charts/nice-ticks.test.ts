import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks, onWholeDays, padded, percentTicks, timeAxis } from './nice-ticks';

describe('niceStep', () => {
  it('rounds to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.013)).toBe(0.01);
    expect(niceStep(0.0225)).toBe(0.02);
    expect(niceStep(0.4)).toBe(0.5);
    expect(niceStep(0.05)).toBe(0.05);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(120)).toBe(100);
  });
  it('falls back to 1 for zero, negative or non-finite input', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(-3)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe('niceTicks', () => {
  it('covers the range on an even 1-2-5 step, through 0', () => {
    const ticks = niceTicks(-0.034, 0.127);
    expect(ticks).toEqual([-0.05, 0, 0.05, 0.1, 0.15]);
    const steps = ticks.slice(1).map((t, i) => Number((t - ticks[i]!).toFixed(10)));
    expect(new Set(steps).size).toBe(1);
  });
  it('includes 0 even when every value is on one side', () => {
    expect(niceTicks(0.02, 0.09)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(niceTicks(-0.3, -0.1)[niceTicks(-0.3, -0.1).length - 1]).toBe(0);
  });
  it('leaves 0 out when asked, for rates that are far from it', () => {
    expect(niceTicks(0.041, 0.058, 5, false)).toEqual([0.04, 0.045, 0.05, 0.055, 0.06]);
  });
  it('gives a single value an axis around it', () => {
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
    const ticks = niceTicks(0.1, 0.1, 5, false);
    expect(ticks[0]).toBeLessThan(0.1);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(0.1);
  });
});

describe('timeAxis', () => {
  const day = 86_400_000;
  const start = Date.UTC(2026, 10, 2);
  it('puts a single point in the middle of two days, with ticks around it', () => {
    const at = start + 9 * 3_600_000;
    const { domain, ticks } = timeAxis(at, at);
    expect(domain).toEqual([at - day, at + day]);
    expect(ticks).toEqual([start - 12 * 3_600_000, start, start + 12 * 3_600_000, start + day]);
  });
  it('uses minutes for evaluations minutes apart', () => {
    const { ticks } = timeAxis(start + 600_000, start + 1_800_000);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.every((t) => t % 300_000 === 0)).toBe(true);
  });
  it('puts ticks on whole days over a fortnight, evenly and inside the domain', () => {
    const { domain, ticks } = timeAxis(start, start + 14 * day);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(onWholeDays(ticks)).toBe(true);
    expect(ticks.every((t) => t >= domain[0] && t <= domain[1])).toBe(true);
    expect(new Set(ticks.slice(1).map((t, i) => t - ticks[i]!)).size).toBe(1);
  });
  it('uses whole hours within a day', () => {
    const { ticks } = timeAxis(start + 3_600_000, start + 10 * 3_600_000);
    expect(ticks.every((t) => t % 3_600_000 === 0)).toBe(true);
    expect(onWholeDays(ticks)).toBe(false);
  });
});

describe('percentTicks', () => {
  it('shows as many decimals as the step needs, the same on every tick', () => {
    expect([0, 0.2, 0.4].map(percentTicks([0, 0.2, 0.4]))).toEqual(['0%', '+20%', '+40%']);
    expect([0, 0.05].map(percentTicks([0, 0.05]))).toEqual(['0%', '+5%']);
    expect([-0.025, 0, 0.025].map(percentTicks([-0.025, 0, 0.025]))).toEqual(['-2.5%', '0.0%', '+2.5%']);
    expect([0.04, 0.045].map(percentTicks([0.04, 0.045], false))).toEqual(['4.0%', '4.5%']);
  });
});

describe('padded', () => {
  it('widens a range so its ends are inside the axis', () => {
    expect(padded([0, 1])).toEqual([-0.05, 1.05]);
    expect(padded([0.06, 0.06])[1]).toBeGreaterThan(0.06);
  });
});
