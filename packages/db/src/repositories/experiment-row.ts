import {
  type AnalysisSettings,
  type ExperimentMetrics,
  type LocationSplitRecord,
  type VariantDefinition,
  ZStoredAnalysis,
  ZStoredLocationSplit,
  ZStoredMetrics,
  ZStoredVariants,
} from '@uplift/domain';
import type { Experiment } from '../generated/prisma/client';

/** An experiment as the rest of the code sees it: its JSON columns parsed into the domain's types. */
export type ExperimentRecord = Omit<Experiment, 'variants' | 'metrics' | 'analysis' | 'locationSplit'> & {
  variants: VariantDefinition[];
  metrics: ExperimentMetrics;
  analysis: AnalysisSettings;
  locationSplit: LocationSplitRecord | null;
};

type Parsed<T> = { success: true; data: T } | { success: false; error: { message: string } };

const column = <T>(schema: { safeParse(v: unknown): Parsed<T> }, value: unknown, row: Experiment, name: string): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`Experiment ${row.id} ("${row.key}") holds an unreadable ${name} column: ${parsed.error.message}`);
  }
  return parsed.data;
};

/** Maps a row once, where it is read; a column that does not parse is a corrupt row, named in the error. */
export function toExperimentRecord<R extends Experiment>(
  row: R,
): Omit<R, 'variants' | 'metrics' | 'analysis' | 'locationSplit'> & ExperimentRecord {
  return {
    ...row,
    variants: column(ZStoredVariants, row.variants, row, 'variants'),
    metrics: column(ZStoredMetrics, row.metrics, row, 'metrics'),
    analysis: column(ZStoredAnalysis, row.analysis, row, 'analysis'),
    locationSplit:
      row.locationSplit === null ? null : column(ZStoredLocationSplit, row.locationSplit, row, 'locationSplit'),
  };
}
