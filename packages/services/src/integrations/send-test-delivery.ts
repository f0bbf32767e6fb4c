import { createPingDelivery, getDelivery } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { deliverWebhook } from './deliver-webhook';
import type { WebhookTargetDeps } from './webhook-target';

/**
 * Posts a `ping` event to one webhook now, through the same delivery code as every event (target checks, signature,
 * the delivery log), once and without retries, and answers how it went: DELIVERED with the status code, or FAILED
 * with the reason. The attempt is logged with the webhook's other deliveries.
 */
export async function sendTestDelivery(
  deps: Pick<ServiceDeps, 'db' | 'log' | 'clock'> & WebhookTargetDeps,
  { workspace }: Pick<ActingScope, 'workspace'>,
  { id }: { id: string },
) {
  const created = await createPingDelivery(deps.db, workspace.id, id, deps.clock());
  if (!created) throw new DomainError('NOT_FOUND', 'No active webhook with that id in this workspace.', 'id');
  try {
    await deliverWebhook(deps, { attemptsMade: 0, opts: { attempts: 1 } }, created.id, { timeoutMs: 5_000 });
  } catch (e) {
    // The failure is also on the delivery row (status, code, error), which is what the answer reports.
    deps.log.info('webhook test delivery failed', { webhookId: id, error: (e as Error).message });
  }
  const row = await getDelivery(deps.db, created.id);
  return {
    id: created.id,
    status: row?.status ?? 'FAILED',
    statusCode: row?.lastStatusCode ?? null,
    error: row?.lastError ?? null,
  };
}
