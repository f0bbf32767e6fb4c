import { catchUpEvaluatedVersion, findExperimentForEvaluation } from '@uplift/db';
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
  // Its version stored already, evaluatedVersion behind it (set back by hand or a migration; a test file sets it
  // back to force a re-run): not evaluated again, and the experiment brought up to date, or the reconciler would
  // ask for this version every minute and each run would find it stored (issue 15's second runs).
  if (await catchUpEvaluatedVersion(deps.db, experimentId, experiment.dataVersion)) return { skipped: 'up to date' };
  try {
    const { version, evaluation } = await analyseExperiment(deps, experiment);
    await deps.hooks?.afterRead?.();
    // Two workers can read the same data version (a scheduled run beside a requested one): one applies it. The claim
    // turns the second away before it waits on the first's transaction; the snapshot's key decides (applyDecision).
    if (!(await claimVersion(deps, experimentId, version))) return { skipped: 'evaluated by another run' };
    try {
      return await applyDecision(deps, experiment, version, evaluation);
    } catch (error) {
      await releaseVersion(deps, experimentId, version);
      throw error;
    }
  } catch (error) {
    // Rethrown for the job to fail (and be retried only when a retry can succeed, see the worker).
    await recordFailedEvaluation(deps, experiment, error);
    throw error;
  }
}

// The claim outlives the commit it guards: afterwards evaluatedVersion says the version is done. A worker that dies
// holding one leaves it for CLAIM_MS, after which a retry or the reconciler's request evaluates the version again.
const CLAIM_MS = 60_000;
const claimKey = (deps: ServiceDeps, experimentId: string, version: number) =>
  `${deps.queue.getBackend().qualifiedName}:evaluating:${experimentId}:${version}`;

/** The queue's own Redis connection (ioredis), with the two commands a claim needs. */
const redisOf = async (deps: ServiceDeps) =>
  (await deps.queue.getBackend().client) as unknown as {
    set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<string | null>;
    del(key: string): Promise<number>;
  };

async function claimVersion(deps: ServiceDeps, experimentId: string, version: number): Promise<boolean> {
  const redis = await redisOf(deps);
  return (await redis.set(claimKey(deps, experimentId, version), '1', 'PX', CLAIM_MS, 'NX')) === 'OK';
}

async function releaseVersion(deps: ServiceDeps, experimentId: string, version: number): Promise<void> {
  const redis = await redisOf(deps);
  await redis.del(claimKey(deps, experimentId, version)).catch(() => 0);
}
