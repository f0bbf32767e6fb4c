import { transaction } from '@uplift/db';
import type { ServiceDeps } from '../deps';
import { applyPromotion, mustFindPromotion } from './apply-promotion';
import type { WorkspaceScope } from './scope';

/** A product owner applies a proposed step, optionally scoped to some of the segments it won in. */
export function approvePromotion(
  deps: ServiceDeps,
  scope: WorkspaceScope,
  input: { id: string; reason: string | null; segments?: string[] },
) {
  return transaction(deps.db, async (tx) => {
    await mustFindPromotion(tx, input.id, scope.workspace.id);
    return applyPromotion(tx, { ...input, actor: scope.actor, now: deps.clock() });
  });
}
