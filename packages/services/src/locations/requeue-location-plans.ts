import { unfinishedLocationPlanIds } from '@uplift/db';
import { enqueueLocationPlan } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

/** Plans younger than this may still be between their row and their job. */
const PLAN_GRACE_MS = 30_000;

/**
 * Enqueues again every plan still waiting or running (part of `experiment.reconcile`): a job lost with Redis
 * comes back; a job still there keeps its id, so adding it again is a no-op.
 */
export async function requeueLocationPlans(deps: Pick<ServiceDeps, 'db' | 'queue' | 'clock'>): Promise<number> {
  const ids = await unfinishedLocationPlanIds(deps.db, new Date(deps.clock().getTime() - PLAN_GRACE_MS));
  for (const id of ids) await enqueueLocationPlan(deps.queue, id);
  return ids.length;
}
