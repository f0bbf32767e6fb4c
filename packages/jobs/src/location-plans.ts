import type { Queue } from 'bullmq';
import { enqueue } from './queue';

/** The job of one LocationPlan row: one id per row, so enqueueing it again (the reconciler) is a no-op. */
export const locationPlanJobId = (planId: string) => `location.plan-${planId}`;

/** Enqueues a plan's computation; its row must exist first (the worker reads the request from it). */
export function enqueueLocationPlan(queue: Queue, planId: string) {
  return enqueue(queue, 'location.plan', { planId }, { jobId: locationPlanJobId(planId), attempts: 2 });
}
