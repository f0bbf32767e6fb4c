import { locationPlanForWork, markLocationPlan } from '@uplift/db';
import { DomainError, type LocationPlan, planLocationSteps } from '@uplift/domain';
import type { JobProgress } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';
import { failureSentence, isPermanentFailure } from '../job-failure';

/** Lets timers and I/O run (BullMQ renewing the job's lock, the heartbeat) between two treatment sets. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The job's side of running a plan: its progress, and whether a failure now is its last one. */
export interface LocationPlanRun {
  onProgress: (progress: JobProgress) => Promise<void> | void;
  lastAttempt: boolean;
}

/** Computes the plan, reporting progress after each set; a throw of the (pure) computation is a DomainError. */
async function computePlan(request: Parameters<typeof planLocationSteps>[0], run: LocationPlanRun) {
  const steps = planLocationSteps(request);
  for (;;) {
    let step: ReturnType<typeof steps.next>;
    try {
      step = steps.next();
    } catch (error) {
      // Pure: whatever it throws, it throws again on a retry, so the job fails for good.
      throw new DomainError('BAD_INPUT', `The plan failed: ${failureSentence(error)}.`, 'request');
    }
    if (step.done) return step.value;
    await run.onProgress(step.value);
    await breathe();
  }
}

/**
 * `location.plan`: computes a stored plan request and stores the ranked result, reporting progress after each
 * treatment set (a plan may take a minute; the event loop is let go between sets). Idempotent: a plan already
 * DONE or FAILED is left as it is. A failure the same request would repeat, or any failure of the last attempt,
 * is stored on the row as a sentence; the job fails for good on the first, and is retried on the others.
 */
export async function runLocationPlan(
  { db, log }: Pick<ServiceDeps, 'db' | 'log'>,
  planId: string,
  run: LocationPlanRun,
): Promise<{ status: string; ranked?: number }> {
  try {
    const plan = await locationPlanForWork(db, planId).catch((error: unknown) => {
      throw isPermanentFailure(error)
        ? new DomainError('BAD_INPUT', `The stored plan request cannot be read: ${failureSentence(error)}.`, 'request')
        : error;
    });
    if (!plan) return { status: 'MISSING' };
    if (plan.status === 'DONE' || plan.status === 'FAILED') return { status: plan.status };
    await markLocationPlan(db, planId, { status: 'RUNNING' });
    const result: LocationPlan = await computePlan(plan.request, run);
    await markLocationPlan(db, planId, { status: 'DONE', result });
    return { status: 'DONE', ranked: result.ranked.length };
  } catch (error) {
    if (isPermanentFailure(error) || run.lastAttempt) {
      const sentence = isPermanentFailure(error)
        ? failureSentence(error)
        : `The plan could not be completed: ${failureSentence(error)}.`;
      // If the database itself is what failed, the row stays unfinished; a new plan may be asked for.
      await markLocationPlan(db, planId, { status: 'FAILED', error: sentence }).catch((e: Error) =>
        log.warn('location plan failure not stored', { plan: planId, error: e.message }),
      );
    }
    throw error;
  }
}
