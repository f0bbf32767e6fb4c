import { z } from 'zod';

const ZAbAnalysis = z.object({
  variants: z.array(z.object({ key: z.string(), estimate: z.number().nullable().optional() })),
});
const ZLocationAnalysis = z.object({ relative: z.number().nullable() });

/**
 * The one relative lift a list shows for an experiment, from its newest snapshot's analysis: a location test's
 * relative lift (DiD over the counterfactual mean); else the decided winner's estimate, or — when nothing won —
 * the treatment with the largest estimate (the control, listed first, has none). Null when there is no estimate.
 */
export function headlineLift(analysis: unknown, winner: string | null): number | null {
  const location = ZLocationAnalysis.safeParse(analysis);
  if (location.success) return location.data.relative;
  const ab = ZAbAnalysis.safeParse(analysis);
  if (!ab.success) return null;
  const treatments = ab.data.variants
    .slice(1)
    .filter((v): v is { key: string; estimate: number } => typeof v.estimate === 'number');
  const won = treatments.find((v) => v.key === winner);
  if (won) return won.estimate;
  return treatments.reduce<number | null>((best, v) => (best === null || v.estimate > best ? v.estimate : best), null);
}
