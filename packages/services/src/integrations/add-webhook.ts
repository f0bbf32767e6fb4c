import { randomBytes } from 'node:crypto';
import { createWebhook, recordAudit, transaction } from '@uplift/db';
import { assertWebhookUrl, type WebhookCreateInput, ZWebhookCreateInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** A new webhook with its signing secret (returned here, once; lists never carry it). */
export async function addWebhook(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: ActingScope,
  raw: WebhookCreateInput,
) {
  const url = assertWebhookUrl(ZWebhookCreateInput.parse(raw).url);
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
