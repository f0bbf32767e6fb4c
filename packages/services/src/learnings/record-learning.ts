import { getLearningRow, lockLearningOfExperiment, recordAudit, saveLearning, transaction } from '@uplift/db';
import {
  DomainError,
  type LearningInput,
  learningRefusal,
  mayRecordLearning,
  type Role,
  ZLearningInput,
} from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from '../experiments/must-get-experiment';

/** Who records: the transport resolved the member's role with the workspace. */
export type LearningScope = ActingScope & { role: Role };

/**
 * Records what an ended experiment taught (text and tags), or edits it: one learning per experiment. Only its
 * owner (creator), a product owner or an admin may; each save is audited with what changed.
 */
export async function recordLearning(deps: Pick<ServiceDeps, 'db'>, scope: LearningScope, raw: LearningInput) {
  const input = ZLearningInput.parse(raw);
  const { workspace, actor, role } = scope;
  const saved = await transaction(deps.db, async (tx) => {
    const experiment = await mustGetExperiment(tx, workspace.id, input.experimentKey);
    const refusal = learningRefusal(experiment.status);
    if (refusal) throw new DomainError('CONFLICT', refusal, 'experimentKey');
    if (!mayRecordLearning(role, actor.id, experiment.createdById)) {
      throw new DomainError(
        'FORBIDDEN',
        'Only the experiment’s owner, a product owner or an admin may record what it taught.',
      );
    }
    const before = await lockLearningOfExperiment(tx, experiment.id);
    const learning = await saveLearning(tx, {
      workspaceId: workspace.id,
      experimentId: experiment.id,
      text: input.text,
      tags: input.tags,
      authorId: actor.id,
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'learning',
      entityId: learning.id,
      action: before ? 'learning.edit' : 'learning.record',
      before: before ? { text: before.text, tags: before.tags } : undefined,
      after: { experimentKey: experiment.key, text: learning.text, tags: learning.tags },
    });
    return learning;
  });
  return getLearningRow(deps.db, workspace.id, saved.experimentId);
}
