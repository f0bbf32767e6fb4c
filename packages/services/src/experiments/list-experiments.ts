import { latestSnapshotSummaries, listExperiments } from '@uplift/db';
import type { ExperimentStatus } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/** The experiments page: each experiment with the exposed users and the outcome of its latest evaluation. */
export async function listExperimentSummaries(
  deps: ServiceDeps,
  workspaceId: string,
  filter: { status?: ExperimentStatus[]; hypothesisId?: string } = {},
) {
  const rows = await listExperiments(deps.db, workspaceId, filter);
  const latest = await latestSnapshotSummaries(
    deps.db,
    rows.map((r) => r.id),
  );
  const byId = new Map(latest.map((s) => [s.experimentId, s]));
  return rows.map((r) => ({
    ...r,
    users: byId.get(r.id)?.users ?? 0,
    latestOutcome: byId.get(r.id)?.outcome ?? null,
  }));
}
