import { z } from 'zod';
import { expected } from '../stats/messages';
import { bounded, isoDate, text } from '../zod-safe';

const finite = z.number(expected('must be a number'));
const locationId = text(expected('must be a string')).min(1, 'is required').max(200, 'must be at most 200 characters');
const locationIds = z.array(locationId, expected('must be an array of location ids'));

/** A calendar date written YYYY-MM-DD: such strings sort in date order, which the pre/post cut relies on. */
export const ZIsoDate = isoDate(expected('must be an ISO date (YYYY-MM-DD)'));

export const ZWeeklySalesRow = z.object(
  {
    location: locationId,
    /** The week's date (e.g. its Monday); all that matters is whether it falls before `start`. */
    week: ZIsoDate,
    sales: bounded(expected('must be a number')),
  },
  expected('must be a row ({ location, week, sales })'),
);
export type WeeklySalesRow = z.output<typeof ZWeeklySalesRow>;

export const LOCATION_ANALYSIS_DEFAULTS = { alpha: 0.05, mde: 0.05, plannedWeeks: 8, method: 'auto' } as const;

/** Post-period weeks a location test is planned for: one group-sequential look a week, INCONCLUSIVE at the last. */
export const ZPlannedWeeks = z
  .number(expected('must be a whole number of weeks'))
  .int('must be a whole number of weeks')
  .min(1, 'must be between 1 and 104')
  .max(104, 'must be between 1 and 104');

/** How a location test estimates the counterfactual: difference-in-differences, synthetic control, or chosen by size. */
export const LOCATION_METHODS = ['did', 'synthetic', 'auto'] as const;
export type LocationMethod = (typeof LOCATION_METHODS)[number];
export const ZLocationMethod = z.enum(LOCATION_METHODS, expected('must be "did", "synthetic" or "auto"'));

export const ZLocationAnalysisInput = z
  .object(
    {
      rows: z.array(ZWeeklySalesRow, expected('must be an array of rows')),
      treatment: locationIds,
      holdout: locationIds,
      /** The first day of the treatment: weeks before it are the pre-period, the rest the post-period. */
      start: ZIsoDate,
      alpha: finite.gt(0, 'must be > 0 and ≤ 0.5').max(0.5, 'must be > 0 and ≤ 0.5').optional(),
      /** Relative lift the power is computed for, as a share of the treatment's pre-period mean (0.05 = +5%). */
      mde: finite.gt(0, 'must be > 0 (a relative lift, e.g. 0.05)').optional(),
      /** Post-period weeks the test is planned for (default 8). */
      plannedWeeks: ZPlannedWeeks.optional(),
      method: ZLocationMethod.optional(),
    },
    expected('must be an analysis request ({ rows, treatment, holdout, start })'),
  )
  .check((ctx) => {
    const { rows, treatment, holdout } = ctx.value;
    const issue = (path: (string | number)[], message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    const group = new Map<string, 'treatment' | 'holdout'>();
    for (const field of ['treatment', 'holdout'] as const) {
      const ids = field === 'treatment' ? treatment : holdout;
      ids.forEach((id, i) => {
        const seen = group.get(id);
        if (seen === field) issue([field, i], `duplicate location "${id}"`);
        else if (seen) issue([field, i], `location "${id}" is also in the treatment group`);
        group.set(id, field);
      });
    }
    const firstRow = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = `${row.location}\u0000${row.week}`;
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, i);
      else issue(['rows', i], `duplicate week ${row.week} for location "${row.location}" (also rows[${first}])`);
    });
  });
export type LocationAnalysisInput = z.output<typeof ZLocationAnalysisInput>;
