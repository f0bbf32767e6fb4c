import { locationPlanForWork, markLocationPlan } from '@uplift/db';
import { DomainError, type LocationPlan, planLocationSteps } from '@uplift/domain';
import type { JobProgress } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';
import { failureSentence, isPermanentFailure } from '../job-failure';

/** Lets timers and I/O run (BullMQ renewing the job's lock, the heartbeat) between two treatment sets. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `location.plan`: computes a stored plan request and stores the ranked result, reporting progress after each
 * treatment set (a plan may take a minute; the event loop is let go between sets). Idempotent: a plan already
 * DONE or FAILED is left as it is. A failure the same request would repeat is stored as a sentence and fails the
 * job for good; any other (the database, Redis) is thrown for the queue's retry.
 */
export async function runLocationPlan(
  { db }: Pick<ServiceDeps, 'db'>,
  planId: string,
  onProgress: (progress: JobProgress) => Promise<void> | void,
): Promise<{ status: string; ranked?: number }> {
  const plan = await locationPlanForWork(db, planId).catch(async (error: unknown) => {
    // A stored request that no longer parses will never run: say so on the row, then fail.
    if (isPermanentFailure(error))
      await markLocationPlan(db, planId, { status: 'FAILED', error: failureSentence(error) });
    throw error;
  });
  if (!plan) return { status: 'MISSING' };
  if (plan.status === 'DONE' || plan.status === 'FAILED') return { status: plan.status };
  await markLocationPlan(db, planId, { status: 'RUNNING' });
  const steps = planLocationSteps(plan.request);
  let result: LocationPlan | undefined;
  while (!result) {
    let step: ReturnType<typeof steps.next>;
    try {
      step = steps.next();
    } catch (error) {
      // The computation is pure: whatever it throws, it throws again on a retry, so the job fails for good.
      const sentence = `The plan failed: ${failureSentence(error)}.`;
      await markLocationPlan(db, planId, { status: 'FAILED', error: sentence });
      throw new DomainError('BAD_INPUT', sentence, 'request');
    }
    if (step.done) result = step.value;
    else {
      await onProgress(step.value);
      await breathe();
    }
  }
  await markLocationPlan(db, planId, { status: 'DONE', result });
  return { status: 'DONE', ranked: result.ranked.length };
}
