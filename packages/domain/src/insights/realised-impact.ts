import { type RoiInputParsed, scoreRoi } from '../roi';
import { monthsBetween, type TestOutcome } from './outcome';

/** The figures that make a completed experiment's money; R, b̂ and v are `locationImpactFactors` for a location test. */
export interface RealisedImpactInput {
  outcome: TestOutcome;
  /** When the win was rolled out (at completion, or when a product owner confirmed it); null when it was not. */
  rolledOutAt: Date | null;
  /** R: the rung's reach per month. */
  reachPerMonth: number;
  /** b̂: the control's measured mean of the primary metric (a rate for a binomial metric). */
  controlMean: number;
  /** x̃: the shrunk relative lift. */
  shrunkLift: number;
  /** v: value per conversion (1 when the metric is itself money). */
  valuePerConversion: number;
  /** C > 0 (as for every hypothesis): what the test cost, spent whatever the outcome. */
  cost: number;
  /** H: the workspace's horizon in months. */
  horizonMonths: number;
  /** The ROI inputs frozen when the hypothesis was approved (R·b·l·v·c), horizon included. */
  predicted: RoiInputParsed;
}

export interface RealisedImpact {
  rolledOut: boolean;
  /** R·b̂·x̃·v for a rolled-out win, else 0. */
  monthlyGain: number;
  /** Months since rolledOutAt, capped at the horizon. */
  monthsLive: number;
  /** monthlyGain × monthsLive. */
  gainToDate: number;
  /** (monthlyGain·H − C)/C: −1 for a test that earns nothing. */
  realisedRoi: number;
  /** The approval's R·b·l·v·c and its ROI (roi.ts), shown beside the realised one. */
  predictedMonthlyGain: number;
  predictedRoi: number;
}

/** Realised impact (issue 12 §1): only rolled-out winners earn; the ROI formula is the backlog's (roi.ts). */
export function realisedImpact(input: RealisedImpactInput, now: Date): RealisedImpact {
  const rolledOut = input.outcome === 'WIN' && input.rolledOutAt !== null;
  // scoreRoi's algebra with b·l·c replaced by the measured b̂·x̃ and certainty: R·b̂·x̃·v, then (gain·H − C)/C.
  const realised = scoreRoi({
    reachPerMonth: input.reachPerMonth,
    baselineRate: input.controlMean,
    expectedLift: rolledOut ? input.shrunkLift : 0,
    valuePerConversion: input.valuePerConversion,
    confidence: 1,
    cost: input.cost,
    horizonMonths: input.horizonMonths,
  });
  const predicted = scoreRoi(input.predicted);
  const monthlyGain = realised.expectedMonthlyGain;
  const monthsLive =
    rolledOut && input.rolledOutAt ? Math.min(monthsBetween(input.rolledOutAt, now), input.horizonMonths) : 0;
  return {
    rolledOut,
    monthlyGain,
    monthsLive,
    gainToDate: monthlyGain * monthsLive,
    realisedRoi: realised.roi,
    predictedMonthlyGain: predicted.expectedMonthlyGain,
    predictedRoi: predicted.roi,
  };
}

export interface LocationImpactInput {
  /** Locations the offer runs in at full rollout. */
  locationsAtRollout: number;
  /** The holdout's mean weekly sales per location. */
  holdoutMeanWeeklySales: number;
  /** Margin share of sales, from the readiness check. */
  marginShare: number;
}

/** R, b̂ and v of a location test (issue 12 §1): R = locations, b̂ = weekly sales × 52/12 (a month), v = margin share. */
export function locationImpactFactors(input: LocationImpactInput) {
  return {
    reachPerMonth: input.locationsAtRollout,
    controlMean: (input.holdoutMeanWeeklySales * 52) / 12,
    valuePerConversion: input.marginShare,
  };
}
