import { z } from 'zod';
import type { LocationAnalysis } from './did';
import type { WeeklySalesRow } from './did-input';
import { groupSequentialBoundaries, welchToZ } from './group-sequential';

/** Where a location test stands against its group-sequential boundary this week. */
export interface SequentialLook {
  /** This look's number: the distinct post-period weeks in the data (every week so far has been a look). */
  look: number;
  plannedWeeks: number;
  /** Critical |z| at this look; a look past the planned weeks is held to the last planned look's boundary. */
  boundary: number;
  /** Critical |z| of every planned look, 1…plannedWeeks (the offer page draws them). */
  boundaries: number[];
  /** The DiD's Welch t on the z scale, z = Φ⁻¹(F_t(t)); null without statistics. */
  z: number | null;
  /** |z| reached the boundary: a WIN or LOSS may be called. */
  crossed: boolean;
}

/** What the worker reads back of a stored location-test snapshot: the look it was held to its boundary at. */
export const ZStoredLocationLook = z.object({ sequential: z.object({ look: z.number().int().min(0) }) });

/** Distinct weeks on or after `start` among the rows: the look the data has reached. */
export function postPeriodWeeks(rows: readonly WeeklySalesRow[], start: string): number {
  const weeks = new Set<string>();
  for (const row of rows) if (row.week >= start) weeks.add(row.week);
  return weeks.size;
}

/**
 * Holds this week's DiD statistic against the O'Brien–Fleming-type boundary of a test planned for `plannedWeeks`
 * weekly looks at two-sided `alpha`, information fraction t = look / plannedWeeks (see group-sequential.ts).
 */
export function sequentialLook(
  analysis: LocationAnalysis,
  look: number,
  plannedWeeks: number,
  alpha: number,
): SequentialLook {
  const boundaries = [...groupSequentialBoundaries(plannedWeeks, alpha)];
  const boundary = boundaries[Math.min(Math.max(look, 1), plannedWeeks) - 1]!;
  const { estimate, se, df } = analysis;
  const z = estimate !== null && se !== null && df !== null ? welchToZ(estimate / se, df) : null;
  return { look, plannedWeeks, boundary, boundaries, z, crossed: z !== null && Math.abs(z) >= boundary };
}
