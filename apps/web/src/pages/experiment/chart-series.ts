import type { AnalyzeResult } from '@uplift/domain';

/** One evaluation as the charts need it: when, how many users, and what it found. */
export interface EvaluationPoint {
  evaluatedAt: string | Date;
  users: number;
  analysis: AnalyzeResult | null;
}

export type ChartRow = Record<string, number | [number, number] | null> & { t: number; users: number };

/** The key of a treatment's interval band in a lift row. */
export const bandKey = (variant: string) => `${variant}:band`;
/** The key of a treatment's interval as distances below and above its estimate (an error bar). */
export const errorKey = (variant: string) => `${variant}:error`;

/**
 * The cumulative lift, one row per evaluation in time order: `t` (epoch ms), each treatment's estimate under its
 * key, its interval as a [low, high] pair under bandKey(key), which an area chart draws as a shaded band, and the
 * same as distances from the estimate under errorKey(key), for an error bar where one evaluation makes no band.
 */
export function liftRows(points: EvaluationPoint[]): ChartRow[] {
  return rows(points, (row, analysis) => {
    for (const v of analysis.variants.slice(1)) {
      if (!('estimate' in v)) continue;
      row[v.key] = v.estimate;
      row[bandKey(v.key)] = v.ci ? [v.ci[0], v.ci[1]] : null;
      row[errorKey(v.key)] = v.ci && v.estimate !== null ? [v.estimate - v.ci[0], v.ci[1] - v.estimate] : null;
    }
  });
}

/** Each variant's rate (or mean) per evaluation, in time order: `t` and one value per variant key. */
export function rateRows(points: EvaluationPoint[]): ChartRow[] {
  return rows(points, (row, analysis) => {
    for (const v of analysis.variants) row[v.key] = v.mean;
  });
}

function rows(points: EvaluationPoint[], fill: (row: ChartRow, analysis: AnalyzeResult) => void): ChartRow[] {
  return points
    .flatMap((p) => {
      if (!p.analysis) return [];
      const row: ChartRow = { t: new Date(p.evaluatedAt).getTime(), users: p.users };
      fill(row, p.analysis);
      return [row];
    })
    .sort((a, b) => a.t - b.t);
}

/** The smallest and largest number in the rows under `keys` (bands count with both ends), or null if none. */
export function valueRange(data: ChartRow[], keys: string[]): [number, number] | null {
  const values = data.flatMap((row) => keys.flatMap((k) => [row[k]].flat().filter((v) => typeof v === 'number')));
  return values.length ? [Math.min(...values), Math.max(...values)] : null;
}
