import type { LocationAnalysisInput } from './did-input';

/** One week of a location test: the mean sales per reporting location of each group (null when none reported). */
export interface WeeklyGroupMeans {
  week: string;
  treated: number | null;
  holdout: number | null;
}

/**
 * The weekly mean sales per location of the treated and holdout groups, in week order, before and after the
 * start: what a reader checks by eye for parallel trends before and a gap after. Rows of locations in neither
 * group are ignored. A location missing a week is left out of that week's mean rather than counted as zero.
 */
export function weeklyGroupMeans(input: Pick<LocationAnalysisInput, 'rows' | 'treatment' | 'holdout'>) {
  const group = new Map<string, 'treated' | 'holdout'>();
  for (const id of input.treatment) group.set(id, 'treated');
  for (const id of input.holdout) group.set(id, 'holdout');
  const sums = new Map<string, { treated: [number, number]; holdout: [number, number] }>();
  for (const row of input.rows) {
    const g = group.get(row.location);
    if (!g) continue;
    const week = sums.get(row.week) ?? { treated: [0, 0], holdout: [0, 0] };
    week[g][0] += row.sales;
    week[g][1] += 1;
    sums.set(row.week, week);
  }
  const mean = ([sum, n]: [number, number]) => (n ? sum / n : null);
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([week, s]): WeeklyGroupMeans => ({ week, treated: mean(s.treated), holdout: mean(s.holdout) }));
}
