import { DomainError } from '../errors';
import type { LocationSplitRecord } from '../experiment';
import type { WeeklySalesRow } from './did-input';
import { splitLocations, ZLocationSplitInput } from './split';

/** Each location's mean weekly sales over the weeks before `start` (ISO dates compare as strings). */
export function preperiodMeans(rows: WeeklySalesRow[], start: string): { id: string; weeklySales: number }[] {
  const pre = new Map<string, number[]>();
  for (const r of rows) {
    if (r.week >= start) continue;
    pre.set(r.location, [...(pre.get(r.location) ?? []), r.sales]);
  }
  return [...pre].map(([id, sales]) => ({ id, weeklySales: sales.reduce((a, b) => a + b, 0) / sales.length }));
}

/**
 * The treatment / holdout split of a location test, stratified by the pre-period means; it needs at least 4
 * locations with weeks before the start to stratify.
 */
export function proposeLocationSplit(
  rows: WeeklySalesRow[],
  options: { start: string; seed: string; holdoutShare?: number },
): LocationSplitRecord {
  const { start, seed, holdoutShare } = options;
  const locations = preperiodMeans(rows, start);
  if (locations.length < 4) {
    throw new DomainError(
      'BAD_INPUT',
      `Send at least 4 locations with weeks before ${start} (the pre-period): ${locations.length} have some.`,
      'rows',
    );
  }
  return { ...splitLocations(ZLocationSplitInput.parse({ locations, seed, holdoutShare })), seed, start };
}
