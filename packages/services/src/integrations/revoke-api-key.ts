import { recordAudit, revokeApiKey as revokeApiKeyRow, transaction } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** Revokes a live key at once: the next request with it is refused. */
export async function revokeApiKey(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  { workspace, actor }: ActingScope,
  { id }: { id: string },
) {
  return transaction(deps.db, async (tx) => {
    if (!(await revokeApiKeyRow(tx, workspace.id, id, deps.clock()))) {
      throw new DomainError('NOT_FOUND', 'No live API key with that id in this workspace.', 'id');
    }
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'apiKey',
      entityId: id,
      action: 'apiKey.revoke',
    });
    return { id, revoked: true };
  });
}
