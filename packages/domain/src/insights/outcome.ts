/** How a completed experiment ended (STOPPED experiments and those without an estimate are left out of insights). */
export const TEST_OUTCOMES = ['WIN', 'LOSS', 'INCONCLUSIVE'] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

/** Mean Gregorian month in days (365.2425 / 12), so "months since" does not depend on which months passed. */
const DAYS_PER_MONTH = 365.2425 / 12;
const MS_PER_DAY = 86_400_000;

/** Months from `from` to `to` as a real number, never below 0. */
export function monthsBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / MS_PER_DAY / DAYS_PER_MONTH);
}
