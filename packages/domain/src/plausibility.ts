/**
 * Legal but implausible inputs: the forms show these as warnings the user confirms before saving (the values
 * stay allowed, since a real case may need them). Out-of-range values are errors in the zod schemas instead.
 */
export interface InputWarning {
  field: string;
  message: string;
}

/** A relative lift above +100% (doubling the conversion rate) is rare enough to ask. */
export const PLAUSIBLE_LIFT = 1;
/** Above α 0.1 more than one test in ten of a change that does nothing would "win". */
export const PLAUSIBLE_ALPHA = 0.1;

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function hypothesisWarnings(input: { expectedLift?: number | undefined }): InputWarning[] {
  const { expectedLift } = input;
  if (expectedLift === undefined || !(expectedLift > PLAUSIBLE_LIFT)) return [];
  return [
    {
      field: 'expectedLift',
      message: `An expected lift of ${percent(expectedLift)} more than doubles the conversion rate; few offers do. It drives the ROI and the payback directly.`,
    },
  ];
}

export function experimentWarnings(input: {
  plannedUsers?: number | undefined;
  /** What `plan` suggests for the hypothesis (80% power); null when it cannot say. */
  suggestedUsers?: number | null | undefined;
  alpha?: number | undefined;
}): InputWarning[] {
  const warnings: InputWarning[] = [];
  const { plannedUsers, suggestedUsers, alpha } = input;
  if (plannedUsers !== undefined && suggestedUsers != null && plannedUsers < suggestedUsers) {
    warnings.push({
      field: 'plannedUsers',
      message: `${plannedUsers.toLocaleString('en-US')} planned users is below the ${suggestedUsers.toLocaleString('en-US')} suggested: the test will likely miss the expected lift and end inconclusive.`,
    });
  }
  if (alpha !== undefined && alpha > PLAUSIBLE_ALPHA) {
    warnings.push({
      field: 'analysis.alpha',
      message: `α ${alpha} lets about ${Math.round(alpha * 100)} in 100 tests of a change that does nothing come out as a win (0.05 is usual).`,
    });
  }
  return warnings;
}
