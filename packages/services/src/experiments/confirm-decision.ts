import { findExperimentById, rerankBacklog, transaction } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import { enqueueDelivery } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';
import { requestInsights } from '../insights/request-insights';
import { requestRoadmap } from '../roadmap/request-roadmap';
import { completeExperiment } from './complete-experiment';
import { unscheduleEvaluationOrWarn } from './evaluation-jobs';
import { mustGetExperiment } from './must-get-experiment';
import type { ExperimentScope } from './scope';

/** A product owner confirms the terminal decision the worker proposed (workspace.confirmDecisions). */
export async function confirmDecision(
  deps: ServiceDeps,
  { workspace, actor }: ExperimentScope,
  input: { key: string },
) {
  const { key } = input;
  const { completed, deliveries } = await transaction(deps.db, async (tx) => {
    const experiment = await mustGetExperiment(tx, workspace.id, key);
    const outcome = experiment.pendingOutcome;
    if (experiment.status !== 'RUNNING' || !outcome) {
      throw new DomainError('CONFLICT', `Experiment "${key}" has no decision waiting for confirmation.`, 'experiment');
    }
    const deliveries = await completeExperiment(tx, {
      experiment,
      outcome: outcome as 'WIN' | 'LOSS' | 'INCONCLUSIVE',
      reason: experiment.outcomeReason ?? outcome,
      actor,
      data: { experiment: key, decision: { outcome, reason: experiment.outcomeReason }, confirmedBy: actor.email },
      now: deps.clock(),
    });
    return { completed: await findExperimentById(tx, experiment.id), deliveries };
  });
  for (const id of deliveries) await enqueueDelivery(deps.queue, id);
  await unscheduleEvaluationOrWarn(deps, completed.id);
  await rerankBacklog(deps.db, workspace.id);
  await requestInsights(deps, workspace.id);
  await requestRoadmap(deps, workspace.id);
  return completed;
}
