import { requestEvaluation, scheduleEvaluation, unscheduleEvaluation } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

// The database is the source of truth and Redis a cache of intentions: when Redis is down, the change still
// stands and the reconciler (experiments/reconcile.ts) schedules, unschedules or requests the evaluation later.
// So these failures are tolerated on purpose, with a log line instead of an error to the caller.

const warn = (deps: ServiceDeps, what: string, experimentId: string) => (error: unknown) =>
  deps.log.warn(`could not ${what} the evaluation of experiment ${experimentId}; the reconciler will repair it`, {
    experimentId,
    error: error instanceof Error ? error.message : String(error),
  });

export async function scheduleEvaluationOrWarn(deps: ServiceDeps, experimentId: string, intervalMinutes: number) {
  await scheduleEvaluation(deps.queue, experimentId, intervalMinutes).catch(warn(deps, 'schedule', experimentId));
}

export async function unscheduleEvaluationOrWarn(deps: ServiceDeps, experimentId: string) {
  await unscheduleEvaluation(deps.queue, experimentId).catch(warn(deps, 'unschedule', experimentId));
}

export async function requestEvaluationOrWarn(deps: ServiceDeps, experimentId: string) {
  await requestEvaluation(deps.queue, experimentId).catch(warn(deps, 'request', experimentId));
}
