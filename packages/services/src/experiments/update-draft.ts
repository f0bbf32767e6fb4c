import { recordAudit, transaction, updateExperimentSetup } from '@uplift/db';
import { DomainError, type ExperimentUpdateInput, mergeDraft, ZExperimentUpdateInput } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { requestRoadmap } from '../roadmap/request-roadmap';
import { mustGetExperiment } from './must-get-experiment';
import type { ExperimentScope } from './scope';

/**
 * Edits a draft: the merged setup must pass the creation schema (mergeDraft); a running experiment's setup is
 * frozen. The audit row holds the changed fields before and after; the roadmap is replanned (planned users
 * size the draft's test).
 */
export async function updateDraft(
  deps: ServiceDeps,
  { workspace, actor }: ExperimentScope,
  raw: ExperimentUpdateInput,
) {
  const { key, patch } = ZExperimentUpdateInput.parse(raw);
  const updated = await transaction(deps.db, async (tx) => {
    const before = await mustGetExperiment(tx, workspace.id, key);
    if (before.status !== 'DRAFT') {
      throw new DomainError(
        'CONFLICT',
        `Experiment "${key}" is ${before.status}: its setup is frozen once it has run.`,
        'experiment',
      );
    }
    const after = await updateExperimentSetup(tx, before.id, mergeDraft(before, patch));
    // A winner send is three columns: its audit shows them under their own names.
    const changed = Object.keys(patch).flatMap((k) =>
      k === 'winnerSend'
        ? (['audienceSize', 'testShare', 'decisionHours'] as const)
        : [k as Exclude<keyof typeof patch, 'winnerSend'>],
    );
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'experiment',
      entityId: before.id,
      action: 'experiment.update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return after;
  });
  await requestRoadmap(deps, workspace.id);
  return updated;
}
