import { DomainError } from '../errors';
import type { LocationSplitRecord } from '../experiment';
import { groupBalance } from './balance';
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

/**
 * The split with a treatment set the user chose (a ranked set of `uplift locations plan`) instead of the
 * stratified draw: every other location that sold before the start is holdout. Each chosen location must have
 * weeks before the start, and at least 2 holdouts must remain (a synthetic control needs donors to weigh).
 */
export function chosenLocationSplit(
  rows: WeeklySalesRow[],
  treatment: readonly string[],
  options: { start: string; seed: string },
): LocationSplitRecord {
  const { start, seed } = options;
  const means = new Map(preperiodMeans(rows, start).map((l) => [l.id, l.weeklySales]));
  const known = new Set(rows.map((r) => r.location));
  const refuse = (message: string) => {
    throw new DomainError('BAD_INPUT', `treatment: ${message}`, 'treatment');
  };
  if (treatment.length === 0) refuse('must list at least one location');
  const chosen = new Set<string>();
  for (const id of treatment) {
    if (chosen.has(id)) refuse(`lists "${id}" twice`);
    if (!known.has(id)) refuse(`location "${id}" is not in the data`);
    if (!means.has(id)) refuse(`location "${id}" has no weeks before ${start} (the pre-period)`);
    chosen.add(id);
  }
  // In code-unit order (locale-free), so the same data gives the same split whatever order its rows came in.
  const holdout = [...means.keys()].filter((id) => !chosen.has(id)).sort();
  if (holdout.length < 2) {
    refuse(`leaves ${holdout.length} holdout location(s) with weeks before ${start}; at least 2 must remain`);
  }
  const sales = (ids: readonly string[]) => ids.map((id) => means.get(id)!);
  return {
    treatment: [...treatment],
    holdout,
    balance: groupBalance(sales(treatment), sales(holdout)),
    seed,
    start,
    chosen: true,
  };
}
