/** Months per week in the horizon value: a year's 12 months over its 52 weeks (issue 13 §3). */
const MONTHS_PER_WEEK = 12 / 52;

export interface HorizonValueInput {
  /** The idea's monthly gain once rolled out (the calibrated one when the workspace has it). */
  expectedMonthlyGain: number;
  /** C, the idea's cost (> 0, as the ROI model requires). */
  cost: number;
  /** H, the workspace's horizon in months. */
  horizonMonths: number;
  /** The week its test ends on the roadmap (exclusive): the gain starts then. */
  endWeek: number;
}

/**
 * An idea's value within the horizon once the wait for its test is counted (issue 13 §3; README "The test
 * roadmap"): the gain starts when the test ends, so
 *   horizonValue = (expectedMonthlyGain × max(0, H − endWeek·12/52) − C) / C.
 * It is the ROI model's (gain·H − C)/C with the months before the test ends taken off. Shown beside the ROI,
 * never used to rank. Null when the cost is not a positive number (the ratio is undefined).
 */
export function horizonValue({ expectedMonthlyGain, cost, horizonMonths, endWeek }: HorizonValueInput): number | null {
  if (!(cost > 0)) return null;
  const monthsEarning = Math.max(0, horizonMonths - endWeek * MONTHS_PER_WEEK);
  return (expectedMonthlyGain * monthsEarning - cost) / cost;
}
