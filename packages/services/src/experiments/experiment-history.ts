import { listSnapshots } from '@uplift/db';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from './must-get-experiment';

/** The charts' history: one point per evaluated data version, oldest first. */
export async function experimentHistory(deps: ServiceDeps, workspaceId: string, key: string) {
  const experiment = await mustGetExperiment(deps.db, workspaceId, key);
  return listSnapshots(deps.db, experiment.id);
}
