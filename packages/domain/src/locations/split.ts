import { z } from 'zod';
import { fnv1a32 } from '../assignment';
import { expected } from '../stats/messages';
import { mulberry32 } from '../stats/prng';
import { type GroupBalance, groupBalance } from './balance';

const finite = z.number(expected('must be a number'));

export const ZLocationSplitInput = z
  .object(
    {
      locations: z
        .array(
          z.object(
            {
              id: z.string(expected('must be a string')).min(1, 'is required'),
              /** Recent weekly sales, the stratification variable. */
              weeklySales: finite.min(0, 'must be ≥ 0'),
            },
            expected('must be a location ({ id, weeklySales })'),
          ),
          expected('must be an array of locations'),
        )
        // refine, not min: zod runs length checks on anything with a length, so a string would get two lines;
        // `when` lets the count be reported alongside a bad location rather than only after it is fixed.
        .refine((list) => list.length >= 4, {
          message: 'needs at least 4 locations (2 per group)',
          when: (payload) => Array.isArray(payload.value),
        }),
      seed: z.string(expected('must be a string')).min(1, 'is required'),
      holdoutShare: finite
        .gt(0, 'must be between 0 and 1 (exclusive)')
        .lt(1, 'must be between 0 and 1 (exclusive)')
        .optional(),
    },
    expected('must be a split request ({ locations, seed })'),
  )
  .check((ctx) => {
    const { locations, holdoutShare } = ctx.value;
    const issue = (path: (string | number)[], message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    const ids = new Set<string>();
    locations.forEach((location, i) => {
      if (ids.has(location.id)) issue(['locations', i, 'id'], `duplicate id "${location.id}"`);
      ids.add(location.id);
    });
    const k = stratumSize(holdoutShare ?? SPLIT_DEFAULTS.holdoutShare);
    if (locations.length >= 4 && locations.length < 2 * k) {
      issue(
        ['holdoutShare'],
        `leaves a group with fewer than 2 of the ${locations.length} locations (strata of ${k}); use a share nearer 0.5 or add locations`,
      );
    }
  });
export type LocationSplitInput = z.output<typeof ZLocationSplitInput>;

export const SPLIT_DEFAULTS = { holdoutShare: 0.5 } as const;

export interface LocationSplit {
  /** Location ids in the order they were given. */
  treatment: string[];
  holdout: string[];
  /** Weekly sales of each group; standardizedDifference = (mT − mH)/√((sT² + sH²)/2) (Austin 2009, Stat Med 28:3083). */
  balance: GroupBalance;
}

/** Stratum size k = round(1/share) of the smaller group's share (pairs for 50%); that group gets 1 of each k. */
const stratumSize = (holdoutShare: number) => Math.round(1 / Math.min(holdoutShare, 1 - holdoutShare));

/**
 * Proposes a treatment / holdout split of locations, stratified by sales so both groups match. The scheme is
 * fixed, so a seed reproduces its split in every release (golden vectors in split.test.ts):
 * 1. random = mulberry32(fnv1a32(seed)) (prng.ts, assignment.ts);
 * 2. sort by weeklySales descending, ties by id in UTF-16 code-unit order (locale-free), so input order is moot;
 * 3. cut consecutive strata of k = round(1/min(s, 1 − s)) for holdout share s; the smaller group (holdout when
 *    s ≤ 0.5) takes member floor(random()·k) of each full stratum, in order from the highest sales;
 * 4. each location of the incomplete last stratum then joins the smaller group when random() < 1/k. Sorting
 *    from the top leaves the smallest locations over: in skewed sales they sit closest together, so an unpaired
 *    one moves the group means least, where an unpaired flagship would unbalance them.
 * The achieved share is therefore about 1/k, not exactly s (e.g. s = 0.3 gives strata of 3).
 * The input must satisfy ZLocationSplitInput.
 */
export function splitLocations(input: LocationSplitInput): LocationSplit {
  const share = input.holdoutShare ?? SPLIT_DEFAULTS.holdoutShare;
  const k = stratumSize(share);
  const random = mulberry32(fnv1a32(input.seed));
  const sorted = [...input.locations].sort(
    (a, b) => b.weeklySales - a.weeklySales || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const smaller = new Set<string>();
  const full = sorted.length - (sorted.length % k);
  for (let start = 0; start < full; start += k) smaller.add(sorted[start + Math.floor(random() * k)]!.id);
  for (let i = full; i < sorted.length; i++) if (random() < 1 / k) smaller.add(sorted[i]!.id);

  const holdoutIsSmaller = share <= 0.5;
  const treatment = input.locations.filter((l) => smaller.has(l.id) !== holdoutIsSmaller);
  const holdout = input.locations.filter((l) => smaller.has(l.id) === holdoutIsSmaller);
  return {
    treatment: treatment.map((l) => l.id),
    holdout: holdout.map((l) => l.id),
    balance: groupBalance(
      treatment.map((l) => l.weeklySales),
      holdout.map((l) => l.weeklySales),
    ),
  };
}
