import { readRoadmapSettings, saveRoadmapPlan } from '@uplift/db';
import { DomainError, planRoadmap, type StoredRoadmap } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { roadmapInput } from './roadmap-input';

/**
 * The worker's roadmap.recompute: the same domain scheduler the page and the CLI run, over the workspace's
 * approved ideas, drafts and running tests, stored with the time it was computed. A channel without capacity
 * is stored as the sentence naming it (the plan cannot be drawn until it is set), not retried as a failure.
 */
export async function recomputeRoadmap(deps: Pick<ServiceDeps, 'db' | 'clock'>, input: { workspaceId: string }) {
  const now = deps.clock();
  const workspace = await readRoadmapSettings(deps.db, input.workspaceId);
  if (!workspace) throw new DomainError('NOT_FOUND', `No workspace ${input.workspaceId}.`, 'workspaceId');
  const { input: planInput, labels } = await roadmapInput(deps, workspace);
  const hypothesisOf: Record<string, string> = {};
  for (const [id, label] of Object.entries(labels)) if (label.kind !== 'running') hypothesisOf[id] = label.hypothesisId;
  const plan: StoredRoadmap = { plan: planRoadmap(planInput), hypothesisOf };
  await saveRoadmapPlan(deps.db, { workspaceId: workspace.id, plan, computedAt: now });
  return {
    computedAt: now,
    scheduled: plan.plan.roadmap?.scheduled.length ?? 0,
    missing: plan.plan.missing?.field ?? null,
  };
}
