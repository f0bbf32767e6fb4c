import { type LocationPlanSummary, latestLocationPlan } from '@uplift/db';
import { type JobProgress, locationPlanJobId, ZJobProgress } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from '../experiments/must-get-experiment';

export interface LocationPlanState extends LocationPlanSummary {
  /** Sets evaluated so far while the plan waits or runs (from its job); null once it ended or when unknown. */
  progress: JobProgress | null;
}

/**
 * An experiment's latest location plan (the page polls it while it runs): status, result or failure from its
 * row, the progress from its job. Null when none was asked for.
 */
export async function locationPlanStatus(
  deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>,
  workspaceId: string,
  key: string,
): Promise<LocationPlanState | null> {
  const experiment = await mustGetExperiment(deps.db, workspaceId, key);
  const plan = await latestLocationPlan(deps.db, experiment.id);
  if (!plan) return null;
  if (plan.status !== 'QUEUED' && plan.status !== 'RUNNING') return { ...plan, progress: null };
  // Progress is a nicety: a queue that is away leaves the status (from the row) to speak alone.
  const job = await deps.queue.getJob(locationPlanJobId(plan.id)).catch((error: Error) => {
    deps.log.warn('location plan progress not read', { plan: plan.id, error: error.message });
    return undefined;
  });
  const progress = ZJobProgress.safeParse(job?.progress);
  return { ...plan, progress: progress.success ? progress.data : null };
}
