import type { Db, Prisma } from '@uplift/db';
import {
  DomainError,
  parseWeeklySales,
  splitLocations,
  type WeeklySalesRow,
  ZIsoDate,
  ZLocationSplitInput,
  ZWeeklySalesRow,
} from '@uplift/domain';
import { requestEvaluation } from '@uplift/jobs';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { mustGetExperiment } from './experiments';

export const ZLocationsUpload = z.object({
  rows: z.array(ZWeeklySalesRow).min(1, 'must hold at least one row').max(500_000, 'at most 500,000 rows'),
  /** First day of the treatment (default: the day the experiment started); earlier weeks are the pre-period. */
  start: ZIsoDate.optional(),
  /** Seed of the stratified split (default: the experiment's key). */
  seed: z.string().min(1).max(200).optional(),
  holdoutShare: z.number().gt(0, 'must be > 0 and < 1').lt(1, 'must be > 0 and < 1').optional(),
});
export type LocationsUpload = z.input<typeof ZLocationsUpload>;

export interface LocationSplitRecord {
  treatment: string[];
  holdout: string[];
  balance: { treatmentMean: number; holdoutMean: number; standardizedDifference: number };
  seed: string;
  start: string;
}

/** A CSV body (text) becomes rows, its bad lines a 400 naming each line. */
export function rowsFromCsv(text: string): WeeklySalesRow[] {
  const { rows, errors } = parseWeeklySales(text);
  if (errors.length) {
    const first = errors.slice(0, 20).map((e) => `line ${e.line}: ${e.message}`);
    throw new DomainError('BAD_INPUT', `The CSV has ${errors.length} bad line(s): ${first.join('; ')}`, 'csv');
  }
  return rows;
}

/**
 * Stores weekly sales per location (a week sent again replaces its figure) and, the first time, proposes the
 * treatment / holdout split stratified by each location's mean weekly sales before the start.
 */
export async function putLocations(deps: { db: Db; queue: Queue }, workspaceId: string, key: string, raw: unknown) {
  const input = ZLocationsUpload.parse(raw);
  const result = await deps.db.$transaction(
    async (tx) => {
      const experiment = await mustGetExperiment(tx, workspaceId, key);
      if (experiment.status === 'DRAFT') {
        throw new DomainError(
          'CONFLICT',
          `Experiment "${key}" is a draft; start it before sending location data.`,
          'experiment',
        );
      }
      const rows = input.rows;
      await tx.$executeRaw`
        INSERT INTO "LocationSales" ("experimentId", location, week, sales)
        SELECT ${experiment.id}, l, w::date, s
        FROM unnest(${rows.map((r) => r.location)}::text[], ${rows.map((r) => r.week)}::text[],
                    ${rows.map((r) => r.sales)}::float8[]) AS t(l, w, s)
        ON CONFLICT ("experimentId", location, week) DO UPDATE SET sales = EXCLUDED.sales`;
      let split = experiment.locationSplit as unknown as LocationSplitRecord | null;
      if (!split) {
        const start = input.start ?? (experiment.startedAt ?? new Date()).toISOString().slice(0, 10);
        const all = await tx.locationSales.findMany({ where: { experimentId: experiment.id } });
        const pre = new Map<string, number[]>();
        for (const r of all) {
          if (r.week.toISOString().slice(0, 10) >= start) continue;
          pre.set(r.location, [...(pre.get(r.location) ?? []), r.sales]);
        }
        const locations = [...pre].map(([id, sales]) => ({
          id,
          weeklySales: sales.reduce((a, b) => a + b, 0) / sales.length,
        }));
        if (locations.length < 4) {
          throw new DomainError(
            'BAD_INPUT',
            `Send at least 4 locations with weeks before ${start} (the pre-period): ${locations.length} have some.`,
            'rows',
          );
        }
        const seed = input.seed ?? experiment.key;
        const proposal = splitLocations(
          ZLocationSplitInput.parse({ locations, seed, holdoutShare: input.holdoutShare }),
        );
        split = { ...proposal, seed, start };
      }
      await tx.experiment.update({
        where: { id: experiment.id },
        data: {
          locationSplit: split as unknown as Prisma.InputJsonValue,
          dataVersion: { increment: 1 },
          lastDataAt: new Date(),
          noDataAlertedAt: null,
        },
      });
      return { experimentId: experiment.id, rows: rows.length, split };
    },
    { timeout: 60_000 },
  );
  await requestEvaluation(deps.queue, result.experimentId).catch(() => {});
  return { rows: result.rows, split: result.split };
}
