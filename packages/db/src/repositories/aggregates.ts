import { type AggregateRow, type ReportTotals, ZStoredReportVariants } from '@uplift/domain';
import type { Db, Tx } from '../client';

/** Exposed units per variant and segment (metric "") and each metric's per-variant sums, as kept at ingestion. */
export function readAggregates(db: Tx, experimentId: string): Promise<AggregateRow[]> {
  return db.experimentAggregate.findMany({
    where: { experimentId },
    select: {
      variant: true,
      segment: true,
      metric: true,
      units: true,
      sum: true,
      sumSquares: true,
      covariateUnits: true,
      covariateSum: true,
      covariateSumSquares: true,
      sumProduct: true,
      coveredSum: true,
      crossSum: true,
    },
  });
}

/** The newest campaign report per metric. */
export async function latestReports(db: Tx, experimentId: string): Promise<ReportTotals[]> {
  const rows = await db.experimentReport.findMany({
    where: { experimentId },
    orderBy: { createdAt: 'desc' },
    distinct: ['metric'],
    select: { metric: true, variants: true },
  });
  return rows.map((r) => ({ metric: r.metric, variants: ZStoredReportVariants.parse(r.variants) }));
}

const readVersion = async (tx: Tx, experimentId: string) =>
  (await tx.experiment.findUniqueOrThrow({ where: { id: experimentId }, select: { dataVersion: true } })).dataVersion;

/** The aggregates and reports at one consistent data version (one RepeatableRead snapshot of the database). */
export function readEvaluationData(db: Db, experimentId: string) {
  return db.$transaction(
    async (tx) => ({
      version: await readVersion(tx, experimentId),
      aggregates: await readAggregates(tx, experimentId),
      reports: await latestReports(tx, experimentId),
    }),
    { isolationLevel: 'RepeatableRead' },
  );
}

/** A location test's weekly sales (week as YYYY-MM-DD) at one consistent data version. */
export function readLocationSalesData(db: Db, experimentId: string) {
  return db.$transaction(
    async (tx) => {
      const version = await readVersion(tx, experimentId);
      const rows = await tx.locationSales.findMany({ where: { experimentId } });
      const weekly = rows.map((r) => ({
        location: r.location,
        week: r.week.toISOString().slice(0, 10),
        sales: r.sales,
      }));
      return { version, weekly };
    },
    { isolationLevel: 'RepeatableRead' },
  );
}
