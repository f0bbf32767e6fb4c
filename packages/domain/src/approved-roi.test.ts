import { describe, expect, it } from 'vitest';
import { approvedRoiDiffers, freezeApprovedRoi, roiToCompare, ZApprovedRoi } from './approved-roi';

const row = {
  id: 'h1',
  title: 'not frozen',
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.1,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
  horizonMonths: 12,
  expectedMonthlyGain: 1_000,
  expectedGain: 12_000,
  roi: 1.4,
};
const frozen = freezeApprovedRoi(row);

describe('the ROI at approval', () => {
  it('freezes the inputs and the figures they scored to, nothing else', () => {
    expect(frozen).toEqual({
      reachPerMonth: 10_000,
      baselineRate: 0.05,
      expectedLift: 0.1,
      valuePerConversion: 40,
      confidence: 0.5,
      cost: 5_000,
      horizonMonths: 12,
      expectedMonthlyGain: 1_000,
      roi: 1.4,
    });
    expect(ZApprovedRoi.parse(JSON.parse(JSON.stringify(frozen)))).toEqual(frozen);
    expect(ZApprovedRoi.safeParse({ ...frozen, roi: null }).success).toBe(false);
  });

  it('compares with the frozen figures, else with today’s flagged as estimated after the fact', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const today = { ...row, horizonMonths: 24, roi: 3.8 };
    expect(roiToCompare(today, { inputs: frozen, approvedAt: at })).toMatchObject({
      roi: 1.4,
      horizonMonths: 12,
      approvedAt: at,
      estimatedAfterTheFact: false,
    });
    expect(roiToCompare(today, null)).toMatchObject({ roi: 3.8, approvedAt: null, estimatedAfterTheFact: true });
  });

  it('differs when any frozen figure moved, not by a float rounding through JSON', () => {
    expect(approvedRoiDiffers(frozen, row)).toBe(false);
    expect(approvedRoiDiffers(frozen, { ...row, roi: 1.4 * (1 + 1e-12) })).toBe(false);
    expect(approvedRoiDiffers(frozen, { ...row, horizonMonths: 24, roi: 3.8 })).toBe(true);
    expect(approvedRoiDiffers(frozen, { ...row, confidence: 0.6 })).toBe(true);
  });
});
