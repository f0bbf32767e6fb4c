import { latestSnapshotSummaries, listExperiments } from '@uplift/db';
import { currentLift, type ExperimentListQuery, ZExperimentListQuery } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/**
 * The experiments page: each experiment (running ones first) with its owner, the exposed users, the outcome
 * and the current lift of its latest evaluation.
 */
export async function listExperimentSummaries(
  deps: ServiceDeps,
  workspaceId: string,
  filter: ExperimentListQuery = {},
) {
  const rows = await listExperiments(deps.db, workspaceId, ZExperimentListQuery.parse(filter), 'runningFirst');
  const latest = await latestSnapshotSummaries(
    deps.db,
    rows.map((r) => r.id),
  );
  const byId = new Map(latest.map((s) => [s.experimentId, s]));
  return rows.map(({ hypothesis: { author, ...hypothesis }, ...r }) => ({
    ...r,
    hypothesis,
    owner: author,
    users: byId.get(r.id)?.users ?? 0,
    latestOutcome: byId.get(r.id)?.outcome ?? null,
    lift: currentLift(byId.get(r.id)?.analysis),
  }));
}
