import { z } from 'zod';
import { DomainError } from '../errors';
import { text } from '../zod-safe';
import { parseWeeklySales } from './csv';
import { type WeeklySalesRow, ZIsoDate, ZLocationMethod, ZPlannedWeeks, ZWeeklySalesRow } from './did-input';

/** `PUT /v1/experiments/KEY/locations` and the CSV upload: weekly sales per location of an offline test. */
export const ZLocationsUpload = z
  .object({
    rows: z.array(ZWeeklySalesRow).min(1, 'must hold at least one row').max(500_000, 'at most 500,000 rows'),
    /** First day of the treatment (default: the day the experiment started); earlier weeks are the pre-period. */
    start: ZIsoDate.optional(),
    /** Seed of the stratified split (default: the experiment's key). */
    seed: text().min(1).max(200).optional(),
    holdoutShare: z.number().gt(0, 'must be > 0 and < 1').lt(1, 'must be > 0 and < 1').optional(),
    /** Post-period weeks the test is planned for, one group-sequential look a week (default 8); set with the split. */
    plannedWeeks: ZPlannedWeeks.optional(),
    /** How the worker analyses the test (default "auto": synthetic control below 5 treated locations); set with the split. */
    method: ZLocationMethod.optional(),
    /** The treatment locations, chosen (say from a plan's ranked sets) instead of the stratified split; set with the split. */
    treatment: z
      .array(text().min(1, 'is required').max(200, 'must be at most 200 characters'))
      .min(1, 'must list at least one location')
      .max(10_000, 'must list at most 10,000 locations')
      .optional(),
  })
  // One row per location and week, as the CSV path (parseWeeklySales) and the analysis require.
  .check((ctx) => {
    const first = new Map<string, number>();
    ctx.value.rows.forEach((row, i) => {
      const key = `${row.location}\u0000${row.week}`;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else {
        const message = `duplicate week ${row.week} for location "${row.location}" (also rows[${seen}])`;
        ctx.issues.push({ code: 'custom', input: ctx.value, path: ['rows', i], message });
      }
    });
  });
export type LocationsUpload = z.input<typeof ZLocationsUpload>;

/** A CSV body (text) becomes rows, its bad lines a 400 naming each line (the first 20). */
export function rowsFromCsv(text: string): WeeklySalesRow[] {
  const { rows, errors } = parseWeeklySales(text);
  if (errors.length) {
    const first = errors.slice(0, 20).map((e) => `line ${e.line}: ${e.message}`);
    throw new DomainError('BAD_INPUT', `The CSV has ${errors.length} bad line(s): ${first.join('; ')}`, 'csv');
  }
  return rows;
}
