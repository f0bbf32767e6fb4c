import { type ReportVariantTotals, ZStoredReportVariants } from '@uplift/domain';
import type { Tx } from '../client';
import { toJsonValue } from '../json';

export interface NewReport {
  experimentId: string;
  metric: string;
  variants: ReportVariantTotals;
  source: 'api' | 'csv';
  createdBy: string;
}

type ReportRow = { variants: unknown };
const toReport = <R extends ReportRow>(row: R) => ({ ...row, variants: ZStoredReportVariants.parse(row.variants) });

export async function insertReport(tx: Tx, r: NewReport) {
  return toReport(await tx.experimentReport.create({ data: { ...r, variants: toJsonValue(r.variants) } }));
}

/** An experiment's campaign reports, newest first. */
export async function listReports(db: Tx, experimentId: string, take = 50) {
  const rows = await db.experimentReport.findMany({ where: { experimentId }, orderBy: { createdAt: 'desc' }, take });
  return rows.map(toReport);
}
