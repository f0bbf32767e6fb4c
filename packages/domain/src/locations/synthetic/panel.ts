import type { WeeklySalesRow } from '../did-input';

/** Weekly sales of the listed locations on a common calendar of weeks, ready for a synthetic-control fit. */
export interface SalesPanel {
  /** Every week with a sales row of a listed location, in date order. */
  weeks: string[];
  /** Weeks before `start`: the first `preWeeks` entries of `weeks` and of every series. */
  preWeeks: number;
  /** Locations kept, each with a sales figure for every week and a positive pre-period mean. */
  series: Map<string, number[]>;
  /** Listed locations left out, and why. */
  excluded: { location: string; reason: string }[];
  /** Rows of locations that were not listed. */
  strays: number;
}

/**
 * Lays out the rows of `locations` week by week. A synthetic control compares whole weekly series, so a location
 * missing any week of the calendar, or whose pre-period mean is not positive (its relative deviations are
 * undefined), is excluded rather than imputed. The rows must satisfy ZWeeklySalesRow (no duplicate weeks).
 */
export function salesPanel(rows: readonly WeeklySalesRow[], locations: readonly string[], start: string): SalesPanel {
  const listed = new Set(locations);
  const byLocation = new Map<string, Map<string, number>>(locations.map((id) => [id, new Map()]));
  let strays = 0;
  for (const row of rows) {
    if (listed.has(row.location)) byLocation.get(row.location)!.set(row.week, row.sales);
    else strays++;
  }
  const weeks = [...new Set(rows.filter((r) => listed.has(r.location)).map((r) => r.week))].sort();
  const preWeeks = weeks.filter((w) => w < start).length;
  const series = new Map<string, number[]>();
  const excluded: SalesPanel['excluded'] = [];
  for (const id of locations) {
    const sales = byLocation.get(id)!;
    const missing = weeks.length - sales.size;
    if (sales.size === 0) excluded.push({ location: id, reason: 'no sales rows' });
    else if (missing > 0) excluded.push({ location: id, reason: `${missing} of ${weeks.length} weeks missing` });
    else {
      const values = weeks.map((w) => sales.get(w)!);
      const preMean = values.slice(0, preWeeks).reduce((s, x) => s + x, 0) / Math.max(preWeeks, 1);
      if (preWeeks > 0 && !(preMean > 0)) excluded.push({ location: id, reason: 'pre-period mean sales not positive' });
      else series.set(id, values);
    }
  }
  return { weeks, preWeeks, series, excluded, strays };
}
