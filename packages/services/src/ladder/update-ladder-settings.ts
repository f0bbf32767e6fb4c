import { offersOffLadder, readLadder, recordAudit, saveLadder, transaction } from '@uplift/db';
import {
  DomainError,
  type LadderChannel,
  type LadderSettings,
  PRIOR_DISCOUNT_MESSAGE,
  ZLadderSettings,
  ZPriorDiscount,
} from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import type { WorkspaceScope } from './scope';

/** An admin reorders the ladder, overrides rung policies and sets how much evidence a rung carries up. */
export async function updateLadderSettings(
  deps: ServiceDeps,
  scope: WorkspaceScope,
  raw: { ladder: LadderChannel[]; policies?: LadderSettings['policies']; priorDiscount?: number },
) {
  const { priorDiscount, ...rest } = raw;
  const settings = ZLadderSettings.parse(rest);
  if (!ZPriorDiscount.optional().safeParse(priorDiscount).success) {
    throw new DomainError('BAD_INPUT', PRIOR_DISCOUNT_MESSAGE, 'priorDiscount');
  }
  const workspaceId = scope.workspace.id;
  return transaction(deps.db, async (tx) => {
    // An offer must always stand on a rung of the ladder: a rung in use cannot be removed.
    const stranded = await offersOffLadder(tx, workspaceId, settings.ladder);
    if (stranded.length) {
      const list = stranded.map((r) => `${r.rung} (${r.offers} offer${r.offers === 1 ? '' : 's'})`).join(', ');
      throw new DomainError('CONFLICT', `Offers still stand on ${list}: move them before removing the rung.`, 'ladder');
    }
    const before = await readLadder(tx, workspaceId);
    const saved = await saveLadder(tx, workspaceId, { ...settings, priorDiscount });
    await recordAudit(tx, {
      workspaceId,
      actor: scope.actor,
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'workspace.ladder',
      before,
      after: { ...settings, priorDiscount: saved.priorDiscount },
    });
    return saved;
  });
}
