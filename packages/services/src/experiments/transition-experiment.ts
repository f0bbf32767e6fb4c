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
import { assertExperimentTransition, stopConsequence } from '@uplift/domain';
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
 * A product owner stops an experiment, saying why. A stopped test gives no evidence either way
 * (stopConsequence, which the Stop dialog words too): an idea still TESTING leaves it as INCONCLUSIVE, with the
 * reason; a promoted offer's won hypothesis keeps its status.
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
    const hypothesis = await getHypothesis(tx, workspace.id, before.hypothesisId);
    const consequence =
      hypothesis && stopConsequence({ hypothesisStatus: hypothesis.status, hasOffer: !!experiment.offerId });
    if (experiment.offerId && consequence?.offerAfter)
      await setOfferState(tx, experiment.offerId, consequence.offerAfter);
    await recordAudit(tx, {
      ...audit,
      entityType: 'experiment',
      entityId: experiment.id,
      action: 'experiment.stop',
      before: { status: before.status },
      after: { status: 'STOPPED' },
    });
    if (hypothesis && consequence?.hypothesisChanges) {
      await setHypothesisStatus(
        tx,
        hypothesis.id,
        consequence.hypothesisAfter,
        `Experiment "${key}" stopped: ${reason}`,
      );
      await recordAudit(tx, {
        ...audit,
        entityType: 'hypothesis',
        entityId: hypothesis.id,
        action: 'hypothesis.transition',
        before: { status: hypothesis.status },
        after: { status: consequence.hypothesisAfter, experiment: key },
      });
    }
    return experiment;
  });
  await unscheduleEvaluationOrWarn(deps, stopped.id);
  await rerankBacklog(deps.db, workspace.id);
  await requestRoadmap(deps, workspace.id);
  return stopped;
}
