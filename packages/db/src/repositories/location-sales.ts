import type { WeeklySalesRow } from '@uplift/domain';
import type { Tx } from '../client';

/** Stores weekly sales per location; a week sent again replaces its figure. One statement for any number of rows. */
export async function upsertLocationSales(tx: Tx, experimentId: string, rows: WeeklySalesRow[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "LocationSales" ("experimentId", location, week, sales)
    SELECT ${experimentId}, l, w::date, s
    FROM unnest(${rows.map((r) => r.location)}::text[], ${rows.map((r) => r.week)}::text[],
                ${rows.map((r) => r.sales)}::float8[]) AS t(l, w, s)
    ON CONFLICT ("experimentId", location, week) DO UPDATE SET sales = EXCLUDED.sales`;
}

/** All weeks of an experiment's locations, weeks as ISO dates. */
export async function listLocationSales(db: Tx, experimentId: string): Promise<WeeklySalesRow[]> {
  const rows = await db.locationSales.findMany({ where: { experimentId } });
  return rows.map((r) => ({ location: r.location, week: r.week.toISOString().slice(0, 10), sales: r.sales }));
}
