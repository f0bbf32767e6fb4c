import { z } from 'zod';

/**
 * A hypothesis' ROI as it stood when it was approved: the author's inputs and what they scored to. Stored
 * once at approval (Hypothesis.approvedInputs) and never rewritten, so a result is compared with the estimate
 * the team said yes to, not with whatever the inputs were edited to afterwards. Lenient on read: JSON keeps no
 * types, so every figure is checked to be a finite number.
 */
export const ZApprovedRoi = z.object({
  reachPerMonth: z.number(),
  baselineRate: z.number(),
  expectedLift: z.number(),
  valuePerConversion: z.number(),
  confidence: z.number(),
  cost: z.number(),
  horizonMonths: z.number(),
  expectedMonthlyGain: z.number(),
  roi: z.number(),
});
export type ApprovedRoi = z.output<typeof ZApprovedRoi>;

/** The figures to freeze, picked from a hypothesis' current row (its stored score is in step with its inputs). */
export function freezeApprovedRoi(h: ApprovedRoi): ApprovedRoi {
  const { reachPerMonth, baselineRate, expectedLift, valuePerConversion, confidence, cost } = h;
  const { horizonMonths, expectedMonthlyGain, roi } = h;
  return {
    reachPerMonth,
    baselineRate,
    expectedLift,
    valuePerConversion,
    confidence,
    cost,
    horizonMonths,
    expectedMonthlyGain,
    roi,
  };
}

export interface RoiToCompare extends ApprovedRoi {
  /** When the figures were frozen; null when they are today's. */
  approvedAt: Date | null;
  /** True when no figures were frozen (approved before they were kept, or not approved yet): today's inputs. */
  estimatedAfterTheFact: boolean;
}

/**
 * The estimate a result is compared with: the figures frozen at approval, else the current ones, flagged as
 * estimated after the fact so no page presents them as the prediction the team approved.
 */
export function roiToCompare(
  current: ApprovedRoi,
  frozen: { inputs: ApprovedRoi; approvedAt: Date } | null,
): RoiToCompare {
  if (frozen) return { ...frozen.inputs, approvedAt: frozen.approvedAt, estimatedAfterTheFact: false };
  return { ...freezeApprovedRoi(current), approvedAt: null, estimatedAfterTheFact: true };
}

/**
 * Whether anything frozen at approval differs from today's figures (an edited input, or a new workspace
 * horizon), so the page shows the ROI at approval beside the current one. Relative 1e-9: a float's rounding
 * through JSON is no change.
 */
export function approvedRoiDiffers(approved: ApprovedRoi, current: ApprovedRoi): boolean {
  const now = freezeApprovedRoi(current);
  return (Object.keys(now) as (keyof ApprovedRoi)[]).some(
    (k) => Math.abs(approved[k] - now[k]) > 1e-9 * Math.max(1, Math.abs(now[k])),
  );
}
