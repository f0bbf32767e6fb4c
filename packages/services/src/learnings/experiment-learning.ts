import { getLearningRow } from '@uplift/db';
import { learningRefusal, mayRecordLearning } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from '../experiments/must-get-experiment';
import type { LearningScope } from './record-learning';

/**
 * The experiment page's "What we learned" card: the learning (or null), whether the caller may record or edit
 * it, and why not when the experiment has not ended yet.
 */
export async function experimentLearning(deps: Pick<ServiceDeps, 'db'>, scope: LearningScope, key: string) {
  const experiment = await mustGetExperiment(deps.db, scope.workspace.id, key);
  const learning = await getLearningRow(deps.db, scope.workspace.id, experiment.id);
  const notYet = learningRefusal(experiment.status);
  return {
    learning,
    notYet,
    mayRecord: notYet === null && mayRecordLearning(scope.role, scope.actor.id, experiment.createdById),
  };
}
