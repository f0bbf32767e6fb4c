import { z } from 'zod';
import type { LocationSplitRecord } from '../experiment';

/** What the location test reads of a stored split (the column's schema is ZStoredLocationSplit). */
export type StoredLocationSplit = Pick<
  LocationSplitRecord,
  'treatment' | 'holdout' | 'start' | 'plannedWeeks' | 'method'
>;

/** What a carried-over prior reads of a snapshot's primary analysis: each variant's estimate and se. */
export const ZSnapshotEstimates = z.object({
  variants: z.array(
    z.object({ key: z.string(), estimate: z.number().nullable().optional(), se: z.number().nullable().optional() }),
  ),
});
export type SnapshotEstimates = z.output<typeof ZSnapshotEstimates>;
