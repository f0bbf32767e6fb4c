import { z } from 'zod';
import { expected } from '../../stats/messages';
import { int4, text } from '../../zod-safe';
import { LOCATION_TEST_WEEKS } from '../decide';
import { ZWeeklySalesRow } from '../did-input';

const locationId = text(expected('must be a string')).min(1, 'is required').max(200, 'must be at most 200 characters');
const locationIds = z.array(locationId, expected('must be an array of location ids'));
const finite = z.number(expected('must be a number'));

export const LOCATION_PLAN_DEFAULTS = {
  testWeeks: LOCATION_TEST_WEEKS,
  alpha: 0.05,
  power: 0.8,
  seed: 1,
  maxCandidates: 20,
  windows: 4,
} as const;

/** `uplift locations plan`: historical weekly sales (all before any test), and what to plan. */
export const ZLocationPlanInput = z
  .object(
    {
      rows: z.array(ZWeeklySalesRow, expected('must be an array of rows')),
      /** Locations that may be treated; every location in `rows` when omitted. The rest only serve as holdouts. */
      candidates: locationIds.optional(),
      /** A proposed treatment set whose minimum detectable lift is wanted. */
      treatment: locationIds.optional(),
      /** Size of the treatment sets to rank; the proposed set's size, else 2. */
      treatmentSize: int4(expected('must be a whole number'), 1).optional(),
      /** Weeks the test would run. */
      testWeeks: int4(expected('must be a whole number'), 1).optional(),
      alpha: finite.gt(0, 'must be > 0 and ≤ 0.5').max(0.5, 'must be > 0 and ≤ 0.5').optional(),
      /** Power the minimum detectable lift must reach. */
      power: finite.gt(0, 'must be > 0 and < 1').lt(1, 'must be > 0 and < 1').optional(),
      /** Seed of the search over candidate sets (the same seed gives the same ranking). */
      seed: int4(expected('must be a whole number')).optional(),
      /** How many candidate sets to evaluate at most; all of them when there are no more. */
      maxCandidates: int4(expected('must be a whole number'), 1).max(500, 'must be at most 500').optional(),
      /** Historical test windows (the last `testWeeks` weeks, then each one week earlier) the power is averaged over. */
      windows: int4(expected('must be a whole number'), 1).max(52, 'must be at most 52').optional(),
    },
    expected('must be a plan request ({ rows, candidates?, treatment?, treatmentSize?, testWeeks? })'),
  )
  .check((ctx) => {
    const { rows, candidates, treatment, treatmentSize } = ctx.value;
    const issue = (path: (string | number)[], message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    const known = new Set(rows.map((r) => r.location));
    const seenRow = new Set<string>();
    rows.forEach((row, i) => {
      const key = `${row.location}\u0000${row.week}`;
      if (seenRow.has(key)) issue(['rows', i], `duplicate week ${row.week} for location "${row.location}"`);
      seenRow.add(key);
    });
    for (const field of ['candidates', 'treatment'] as const) {
      const seen = new Set<string>();
      (ctx.value[field] ?? []).forEach((id, i) => {
        if (seen.has(id)) issue([field, i], `duplicate location "${id}"`);
        else if (!known.has(id)) issue([field, i], `location "${id}" has no sales rows`);
        seen.add(id);
      });
    }
    const pool = candidates?.length ?? known.size;
    const size = treatmentSize ?? treatment?.length ?? 2;
    if (treatment && treatment.length === 0) issue(['treatment'], 'must list at least one location');
    if (size >= known.size - 1) {
      const field = treatmentSize !== undefined ? 'treatmentSize' : treatment ? 'treatment' : 'rows';
      const what = field === 'rows' ? `must cover at least ${size + 2} locations` : 'must leave at least 2 locations';
      issue([field], `${what} (${size} treated and 2 holdouts; the rows hold ${known.size})`);
    } else if (size > pool) issue(['treatmentSize'], `is more than the ${pool} candidate locations`);
  });
export type LocationPlanInput = z.output<typeof ZLocationPlanInput>;
