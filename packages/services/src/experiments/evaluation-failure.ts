import { type EvaluationExperiment, notify, recordEvaluationFailure, transaction } from '@uplift/db';
import type { ServiceDeps } from '../deps';
import { failureSentence } from '../job-failure';
import { enqueueDeliveries } from './deliveries';

/**
 * Makes a failed evaluation visible: the experiment keeps the failure (its results then say the numbers are
 * stale and why) and the first failure of a streak notifies the workspace. The full error goes to the log.
 */
export async function recordFailedEvaluation(
  deps: ServiceDeps,
  experiment: Pick<EvaluationExperiment, 'id' | 'key' | 'name' | 'workspaceId' | 'dataVersion'>,
  error: unknown,
) {
  const message = `Data version ${experiment.dataVersion} could not be evaluated: ${failureSentence(error)}.`;
  deps.log.error('evaluation failed', { experimentId: experiment.id, message, error: String(error) });
  try {
    const deliveries = await transaction(deps.db, async (tx) => {
      if (!(await recordEvaluationFailure(tx, experiment.id, message, deps.clock()))) return [];
      return notify(tx, {
        workspaceId: experiment.workspaceId,
        experimentId: experiment.id,
        kind: 'evaluation_failed',
        title: `Evaluation failed: ${experiment.name}`,
        body: `${message} The results shown are from the last successful evaluation.`,
        data: { experiment: experiment.key, dataVersion: experiment.dataVersion, error: message },
      });
    });
    await enqueueDeliveries(deps, deliveries);
  } catch (recording) {
    // The database itself is away (the likely cause of the failure too): the job's retry records it later.
    deps.log.warn('evaluation failure not recorded', { experimentId: experiment.id, error: String(recording) });
  }
}
