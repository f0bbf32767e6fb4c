import { getHypothesis } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from './must-get-experiment';

/** One experiment with what its page shows of the hypothesis it tests. */
export async function getExperiment(deps: ServiceDeps, workspaceId: string, key: string) {
  const experiment = await mustGetExperiment(deps.db, workspaceId, key);
  const h = await getHypothesis(deps.db, workspaceId, experiment.hypothesisId);
  // An experiment's hypothesis is in its workspace (a foreign key); absent only if the rows were edited by hand.
  if (!h)
    throw new DomainError('NOT_FOUND', `No hypothesis ${experiment.hypothesisId} in this workspace.`, 'hypothesisId');
  const hypothesis = {
    id: h.id,
    title: h.title,
    status: h.status,
    baselineRate: h.baselineRate,
    expectedLift: h.expectedLift,
    // What a winner send's remainder earned is valued at it (the results page).
    valuePerConversion: h.valuePerConversion,
  };
  return { experiment, hypothesis };
}
