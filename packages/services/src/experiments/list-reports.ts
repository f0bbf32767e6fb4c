import { listReports } from '@uplift/db';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from './must-get-experiment';

/** An experiment's imported campaign reports, newest first (the latest 50). */
export async function listExperimentReports(deps: ServiceDeps, workspaceId: string, key: string) {
  const experiment = await mustGetExperiment(deps.db, workspaceId, key);
  return listReports(deps.db, experiment.id, 50);
}
