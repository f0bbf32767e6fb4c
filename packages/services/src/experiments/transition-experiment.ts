import {
  getHypothesis,
  markExperimentRunning,
  markExperimentStopped,
  recordAudit,
  rerankBacklog,
  setHypothesisStatus,
  setOfferState,
  transaction,
} from '@uplift/db';
import { assertExperimentTransition } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { requestRoadmap } from '../roadmap/request-roadmap';
import { scheduleEvaluationOrWarn, unscheduleEvaluationOrWarn } from './evaluation-jobs';
import { mustGetExperiment } from './must-get-experiment';
import type { ExperimentScope } from './scope';

/** Runs a draft: its offer is TESTING and its evaluation is scheduled. */
export async function startExperiment(
  deps: ServiceDeps,
  { workspace, actor }: ExperimentScope,
  input: { key: string },
) {
  const started = await transaction(deps.db, async (tx) => {
    const before = await mustGetExperiment(tx, workspace.id, input.key);
    assertExperimentTransition(before.status, 'RUNNING');
    const experiment = await markExperimentRunning(tx, before.id, deps.clock());
    if (experiment.offerId) await setOfferState(tx, experiment.offerId, 'TESTING');
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'experiment',
      entityId: experiment.id,
      action: 'experiment.start',
      before: { status: before.status },
      after: { status: 'RUNNING' },
    });
    return experiment;
  });
  await scheduleEvaluationOrWarn(deps, started.id, workspace.evaluationIntervalMinutes);
  // A started test holds its slot from now on: the ideas planned after it move.
  await requestRoadmap(deps, workspace.id);
  return started;
}

/**
 * A product owner stops an experiment, saying why. A stopped test gives no evidence either way: the idea
 * leaves TESTING as INCONCLUSIVE, with the reason.
 */
export async function stopExperiment(
  deps: ServiceDeps,
  { workspace, actor }: ExperimentScope,
  input: { key: string; reason: string },
) {
  const { key, reason } = input;
  const audit = { workspaceId: workspace.id, actor, reason };
  const stopped = await transaction(deps.db, async (tx) => {
    const before = await mustGetExperiment(tx, workspace.id, key);
    assertExperimentTransition(before.status, 'STOPPED');
    const experiment = await markExperimentStopped(tx, before.id, deps.clock(), reason);
    if (experiment.offerId) await setOfferState(tx, experiment.offerId, 'STOPPED');
    await recordAudit(tx, {
      ...audit,
      entityType: 'experiment',
      entityId: experiment.id,
      action: 'experiment.stop',
      before: { status: before.status },
      after: { status: 'STOPPED' },
    });
    const hypothesis = await getHypothesis(tx, workspace.id, before.hypothesisId);
    if (hypothesis?.status === 'TESTING') {
      await setHypothesisStatus(tx, hypothesis.id, 'INCONCLUSIVE', `Experiment "${key}" stopped: ${reason}`);
      await recordAudit(tx, {
        ...audit,
        entityType: 'hypothesis',
        entityId: hypothesis.id,
        action: 'hypothesis.transition',
        before: { status: 'TESTING' },
        after: { status: 'INCONCLUSIVE', experiment: key },
      });
    }
    return experiment;
  });
  await unscheduleEvaluationOrWarn(deps, stopped.id);
  await rerankBacklog(deps.db, workspace.id);
  await requestRoadmap(deps, workspace.id);
  return stopped;
}
