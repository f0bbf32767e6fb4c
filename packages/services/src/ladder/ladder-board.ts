import { readLadder } from '@uplift/db';
import { effectivePolicies } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { listOffers } from './list-offers';
import type { WorkspaceScope } from './scope';

/** The board: the workspace's rungs, their policies and every offer on them. */
export async function ladderBoard(deps: ServiceDeps, scope: Pick<WorkspaceScope, 'workspace'>) {
  const settings = await readLadder(deps.db, scope.workspace.id);
  return {
    ladder: settings.ladder,
    policies: settings.policies,
    /** What each rung actually asks: the overrides above merged over the defaults. */
    effectivePolicies: effectivePolicies(settings),
    priorDiscount: settings.priorDiscount,
    offers: await listOffers(deps.db, scope.workspace.id),
  };
}
