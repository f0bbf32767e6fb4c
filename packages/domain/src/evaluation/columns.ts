import { z } from 'zod';
import { normaliseVariants, ZVariantDefinition } from '../experiment';

/**
 * The experiment's JSON columns as evaluation and ingestion read them; repositories parse rows with these once.
 * Variants are stored normalised (a name and a weight each); parsing again is the identity on them.
 */
export const ZStoredVariants = z.array(ZVariantDefinition).transform(normaliseVariants);

/** A campaign report's cumulative totals per variant (ZReportInput's variants, as stored). */
export const ZStoredReportVariants = z.array(
  z.object({
    key: z.string(),
    users: z.number(),
    conversions: z.number().optional(),
    sum: z.number().optional(),
    sumSquares: z.number().optional(),
  }),
);

/** What the location test reads of a stored split: the groups and the first day of the treatment. */
export const ZStoredLocationSplit = z.object({
  treatment: z.array(z.string()),
  holdout: z.array(z.string()),
  start: z.string(),
});
export type StoredLocationSplit = z.output<typeof ZStoredLocationSplit>;

/** What a carried-over prior reads of a snapshot's primary analysis: each variant's estimate and se. */
export const ZSnapshotEstimates = z.object({
  variants: z.array(
    z.object({ key: z.string(), estimate: z.number().nullable().optional(), se: z.number().nullable().optional() }),
  ),
});
export type SnapshotEstimates = z.output<typeof ZSnapshotEstimates>;
