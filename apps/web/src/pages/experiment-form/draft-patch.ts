import type { ExperimentCreateInput, ExperimentUpdateInput } from '@uplift/domain';

export type DraftPatch = ExperimentUpdateInput['patch'];

/** What a draft's edit may change (not its key, hypothesis or channel). */
const EDITABLE = ['name', 'variants', 'metrics', 'analysis', 'plannedUsers', 'segmentAttribute', 'winnerSend'] as const;

/**
 * Only the fields the user changed, so the audit log names just those. Both sides come from `toInput`, which
 * writes every field in one order, so comparing their JSON compares their values.
 */
export function draftPatch(before: ExperimentCreateInput, after: ExperimentCreateInput): DraftPatch {
  const changed = EDITABLE.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  return Object.fromEntries(changed.map((field) => [field, after[field]])) as DraftPatch;
}
