import { z } from 'zod';
import { bounded, int4 } from './zod-safe';

/** Workspace default when a hypothesis or a CLI row gives no horizon. */
export const DEFAULT_HORIZON_MONTHS = 12;

/** The longest horizon a workspace may choose: a score finite at it stays finite whatever the horizon becomes. */
export const MAX_HORIZON_MONTHS = 120;

/** The ROI model's inputs without the finite-score rule (so a form can pick or omit fields). */
export const ZRoiFields = z.object({
  reachPerMonth: int4(),
  baselineRate: z.number().gt(0, 'must be > 0').lt(1, 'must be < 1'),
  expectedLift: bounded().gt(-1, 'must be > −1 (a relative lift)'),
  valuePerConversion: bounded().min(0, 'must be ≥ 0 (margin per conversion)'),
  confidence: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  cost: bounded().gt(0, 'must be > 0'),
  horizonMonths: z
    .number()
    .int('must be a whole number of months')
    .min(1, 'must be 1–120')
    .max(MAX_HORIZON_MONTHS, 'must be 1–120')
    .default(DEFAULT_HORIZON_MONTHS),
});
/** The ROI model's inputs; refused, naming the field, when any figure of the score would not be finite. */
export const ZRoiInput = ZRoiFields.check((ctx) => {
  const problem = roiProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, path: [problem.field], message: problem.message });
});
export type RoiInput = z.input<typeof ZRoiInput>;
export type RoiInputParsed = z.output<typeof ZRoiInput>;

export interface RoiScore {
  horizonMonths: number;
  expectedMonthlyGain: number;
  expectedGain: number;
  roi: number;
  /** Months until the gain pays back the cost; null when the gain is ≤ 0 (it never pays back). */
  paybackMonths: number | null;
}

/**
 * The backlog's ROI model (README, "ROI model"):
 *   expectedMonthlyGain = R·b·l·v·c;  expectedGain = expectedMonthlyGain·H;
 *   roi = (expectedGain − C) / C;     paybackMonths = C / expectedMonthlyGain (null when gain ≤ 0).
 * Inputs must already be valid (see ZRoiInput); this function does no I/O and never throws.
 */
export function scoreRoi(input: RoiInputParsed): RoiScore {
  const { reachPerMonth, baselineRate, expectedLift, valuePerConversion, confidence, cost, horizonMonths } = input;
  const expectedMonthlyGain = reachPerMonth * baselineRate * expectedLift * valuePerConversion * confidence;
  const expectedGain = expectedMonthlyGain * horizonMonths;
  return {
    horizonMonths,
    expectedMonthlyGain,
    expectedGain,
    roi: (expectedGain - cost) / cost,
    paybackMonths: expectedMonthlyGain > 0 ? cost / expectedMonthlyGain : null,
  };
}

type RoiFactors = Omit<RoiInputParsed, 'horizonMonths'>;

/**
 * What makes a score not finite at the longest horizon (so neither now nor after the workspace's horizon grows):
 * a gain too large names valuePerConversion, a cost too small for the gain names cost. Null when all is finite.
 */
export function roiProblem(input: RoiFactors): { field: 'valuePerConversion' | 'cost'; message: string } | null {
  const score = scoreRoi({ ...input, horizonMonths: MAX_HORIZON_MONTHS });
  if (!Number.isFinite(score.expectedGain)) {
    return { field: 'valuePerConversion', message: 'makes the expected gain too large to compute (ROI not finite)' };
  }
  if (!Number.isFinite(score.roi) || (score.paybackMonths !== null && !Number.isFinite(score.paybackMonths))) {
    return { field: 'cost', message: 'is too small for the expected gain: the ROI would not be finite' };
  }
  return null;
}

/** One line per factor, so a reader sees why an idea ranks where it does. */
export function roiBreakdown(input: RoiInputParsed, score: RoiScore = scoreRoi(input)) {
  return [
    { label: 'Reach per month', symbol: 'R', value: input.reachPerMonth },
    { label: 'Baseline conversion', symbol: 'b', value: input.baselineRate },
    { label: 'Expected lift', symbol: 'l', value: input.expectedLift },
    { label: 'Value per conversion', symbol: 'v', value: input.valuePerConversion },
    { label: 'Confidence', symbol: 'c', value: input.confidence },
    { label: 'Expected monthly gain', symbol: 'R·b·l·v·c', value: score.expectedMonthlyGain },
    { label: 'Horizon (months)', symbol: 'H', value: score.horizonMonths },
    { label: 'Expected gain', symbol: 'gain·H', value: score.expectedGain },
    { label: 'Cost', symbol: 'C', value: input.cost },
    { label: 'ROI', symbol: '(gain − C)/C', value: score.roi },
    { label: 'Payback (months)', symbol: 'C/monthly gain', value: score.paybackMonths },
  ] as const;
}
