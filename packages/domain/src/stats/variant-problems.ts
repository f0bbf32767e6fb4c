import type { VariantStats } from './variant-stats';

// The checks of one variant beyond its fields' types, without zod: ZAnalyzeRequest runs them, and so does the
// allocation-free validator of the CLI's hot path (request-check.ts), so both accept exactly the same data.

export type Problem = [field: keyof VariantStats, message: string];

// Σx² can sit a rounding error below (Σx)²/n when every value is equal; more than that is impossible data.
export const squaresTooSmall = (squares: number, sum: number, users: number) =>
  users > 0 && squares < (sum * sum) / users - 1e-9 * Math.max(1, squares);

/**
 * Binomial and mean checks of one variant: its one problem, or null. A bad users count is reported
 * elsewhere (`usersValid` false). Null rather than an empty list: this runs per variant of every request.
 */
export function countProblem(metric: 'binomial' | 'mean', v: VariantStats, usersValid: boolean): Problem | null {
  if (v.sum === undefined) return ['sum', 'is required'];
  if (metric === 'binomial') {
    if (!Number.isInteger(v.sum) || v.sum < 0) return ['sum', 'conversions (sum) must be a whole number ≥ 0'];
    if (usersValid && v.sum > v.users) return ['sum', 'conversions (sum) cannot exceed users'];
    return null;
  }
  if (v.sumSquares === undefined) return ['sumSquares', 'is required for a mean metric'];
  if (usersValid && v.users === 0 && (v.sum !== 0 || v.sumSquares !== 0)) {
    return ['sum', 'sum and sumSquares must be 0 when users is 0'];
  }
  if (usersValid && squaresTooSmall(v.sumSquares, v.sum, v.users)) return ['sumSquares', 'cannot be below sum²/users'];
  return null;
}

const RATIO_FIELDS = ['numSum', 'numSumSquares', 'denSum', 'denSumSquares', 'numDenSum'] as const;

/**
 * Ratio checks of one variant: every sum present, squares ≥ sum²/users, the denominator sum non-zero
 * (else the ratio is undefined), and the cross product within Cauchy–Schwarz of the two spreads:
 * (Σmd − ΣmΣd/n)² ≤ (Σm² − (Σm)²/n)(Σd² − (Σd)²/n), which any real per-unit data satisfies.
 */
export function ratioProblems(v: VariantStats, usersValid: boolean): Problem[] {
  const missing: Problem[] = RATIO_FIELDS.filter((f) => v[f] === undefined).map((f) => [
    f,
    'is required for a ratio metric',
  ]);
  if (missing.length > 0 || !usersValid) return missing;
  const { users: n, numSum = 0, numSumSquares = 0, denSum = 0, denSumSquares = 0, numDenSum = 0 } = v;
  if (n === 0) {
    const zero = RATIO_FIELDS.every((f) => v[f] === 0);
    return zero ? [] : [['numSum', 'numSum, denSum and their squares and products must be 0 when users is 0']];
  }
  const problems: Problem[] = [];
  if (squaresTooSmall(numSumSquares, numSum, n)) problems.push(['numSumSquares', 'cannot be below numSum²/users']);
  if (squaresTooSmall(denSumSquares, denSum, n)) problems.push(['denSumSquares', 'cannot be below denSum²/users']);
  if (denSum === 0) problems.push(['denSum', 'is 0, so the ratio numSum/denSum is undefined']);
  if (problems.length > 0) return problems;
  const spreadNum = Math.max(numSumSquares - (numSum * numSum) / n, 0);
  const spreadDen = Math.max(denSumSquares - (denSum * denSum) / n, 0);
  const cross = numDenSum - (numSum * denSum) / n;
  const slack = 1e-9 * Math.max(1, Math.abs(numDenSum), Math.sqrt(numSumSquares * denSumSquares));
  if (Math.abs(cross) > Math.sqrt(spreadNum * spreadDen) + slack) {
    problems.push([
      'numDenSum',
      'is inconsistent with the other sums: |numDenSum − numSum·denSum/users| cannot exceed √((numSumSquares − numSum²/users)·(denSumSquares − denSum²/users))',
    ]);
  }
  return problems;
}
