import { z } from 'zod';
import { CHANNELS } from './enums';
import { EXPERIMENT_STATUSES } from './experiment';
import { text } from './zod-safe';

/** The experiments page's filters (issue 14): status, channel, owner (the hypothesis' author), and a search. */
export const ZExperimentListQuery = z.object({
  status: z.array(z.enum(EXPERIMENT_STATUSES)).optional(),
  channel: z.array(z.enum(CHANNELS)).optional(),
  ownerId: text().max(200, 'must be at most 200 characters').optional(),
  /** Matches the experiment's name or key, or its hypothesis' title, ignoring case. */
  search: text().max(200, 'must be at most 200 characters').optional(),
  hypothesisId: text().max(200, 'must be at most 200 characters').optional(),
});
export type ExperimentListQuery = z.output<typeof ZExperimentListQuery>;

const ZTreatmentLift = z.object({
  key: z.string(),
  estimate: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  significant: z.boolean(),
});
const ZStoredLifts = z.object({ variants: z.tuple([z.object({ key: z.string() })]).rest(ZTreatmentLift) });

export interface CurrentLift {
  variant: string;
  /** Relative lift of the primary metric against the control (0.12 = +12%). */
  estimate: number;
  ci: [number, number] | null;
  significant: boolean;
}

/**
 * The lift a list shows for an experiment's latest evaluation: its best treatment's (the highest estimate),
 * so a three-armed test reads by its leader. Null before any evaluation, for degenerate data and for location
 * tests (their analysis has no variants).
 */
export function currentLift(analysis: unknown): CurrentLift | null {
  const parsed = ZStoredLifts.safeParse(analysis);
  if (!parsed.success) return null;
  const [, ...treatments] = parsed.data.variants;
  let best: CurrentLift | null = null;
  for (const t of treatments) {
    if (t.estimate === null || (best && best.estimate >= t.estimate)) continue;
    best = { variant: t.key, estimate: t.estimate, ci: t.ci, significant: t.significant };
  }
  return best;
}
