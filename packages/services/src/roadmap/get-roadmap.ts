import { readRoadmapPlan } from '@uplift/db';
import { plannedStarts } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { requestRoadmap } from './request-roadmap';

/**
 * The test roadmap as the worker last planned it, with each planned hypothesis' start (what the backlog shows).
 * Before the first computation (a workspace from before the roadmap, or Redis lost the request) it asks for
 * one and answers null; the caller asks again.
 */
export async function getRoadmap(deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>, workspaceId: string) {
  const stored = await readRoadmapPlan(deps.db, workspaceId);
  if (!stored) {
    await requestRoadmap(deps, workspaceId);
    return null;
  }
  return { computedAt: stored.computedAt, plan: stored.plan, starts: plannedStarts(stored) };
}
