import { findExperimentForEvaluation } from '@uplift/db';
import type { ServiceDeps } from '../deps';
import { analyseExperiment } from './analyse-experiment';
import { applyDecision, type EvaluateOutcome } from './apply-decision';
import { recordFailedEvaluation } from './evaluation-failure';
import { raiseNoDataAlert } from './no-data-alert';

/** Points where a test may hold an evaluation (e.g. to kill the worker mid-way); production passes none. */
export interface EvaluationHooks {
  /** After the data is read and analysed, before anything is written. */
  afterRead?: () => Promise<void>;
}

export type EvaluationDeps = ServiceDeps & { hooks?: EvaluationHooks };

/**
 * Evaluates one running experiment (the `experiment.evaluate` job): raises a due no-data alert, then, when
 * data arrived since the last evaluation, reads its aggregates (never raw events) at one consistent data
 * version, analyses them and applies the decision. A failure is recorded on the experiment and rethrown.
 */
export async function evaluateExperiment(deps: EvaluationDeps, experimentId: string): Promise<EvaluateOutcome> {
  const experiment = await findExperimentForEvaluation(deps.db, experimentId);
  if (!experiment) return { skipped: 'not found' };
  if (experiment.status !== 'RUNNING') return { skipped: 'not running' };
  // A decided winner send takes its remainder's events, but its test's results stay those it was decided on.
  if (experiment.winnerDecidedAt) return { skipped: 'winner decided' };
  await raiseNoDataAlert(deps, experiment);
  if (experiment.evaluatedVersion === experiment.dataVersion) return { skipped: 'up to date' };
  try {
    const { version, evaluation } = await analyseExperiment(deps, experiment);
    await deps.hooks?.afterRead?.();
    return await applyDecision(deps, experiment, version, evaluation);
  } catch (error) {
    // Rethrown for the job to fail (and be retried only when a retry can succeed, see the worker).
    await recordFailedEvaluation(deps, experiment, error);
    throw error;
  }
}
