import { randomBytes } from 'node:crypto';
import { createWebhook, recordAudit, transaction } from '@uplift/db';
import { assertWebhookUrl, type WebhookCreateInput, ZWebhookCreateInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import type { WebhookTargetDeps } from './webhook-target';

/**
 * A new webhook with its signing secret (returned here, once; lists never carry it). Its URL must point at a
 * public host unless the operator allows private targets (see assertWebhookUrl).
 */
export async function addWebhook(
  deps: Pick<ServiceDeps, 'db'> & Pick<WebhookTargetDeps, 'allowPrivateWebhooks'>,
  { workspace, actor }: ActingScope,
  raw: WebhookCreateInput,
) {
  const url = assertWebhookUrl(ZWebhookCreateInput.parse(raw).url, {
    allowPrivate: deps.allowPrivateWebhooks ?? false,
  });
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return transaction(deps.db, async (tx) => {
    const hook = await createWebhook(tx, { workspaceId: workspace.id, url, secret });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'webhook',
      entityId: hook.id,
      action: 'webhook.create',
      after: { url },
    });
    return hook;
  });
}
