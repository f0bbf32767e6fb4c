import { disableWebhookRow, recordAudit, transaction } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** Stops posting to a webhook; its delivery log stays. */
export async function disableWebhook(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: ActingScope,
  { id }: { id: string },
) {
  return transaction(deps.db, async (tx) => {
    if (!(await disableWebhookRow(tx, workspace.id, id))) {
      throw new DomainError('NOT_FOUND', 'No active webhook with that id in this workspace.', 'id');
    }
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'webhook',
      entityId: id,
      action: 'webhook.disable',
    });
    return { id, active: false };
  });
}
