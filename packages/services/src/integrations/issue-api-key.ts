import { type AuditActor, createApiKey, recordAudit, transaction } from '@uplift/db';
import { type ApiKeyCreateInput, ZApiKeyCreateInput } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/**
 * Creates a key and returns its token — the only time it is ever shown. The api (a signed-in admin) and the
 * CLI (actor `uplift cli`, no id) both issue keys here, so both leave the same audit row.
 */
export async function issueApiKey(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace, actor }: { workspace: { id: string }; actor: AuditActor },
  raw: ApiKeyCreateInput,
) {
  const input = ZApiKeyCreateInput.parse(raw);
  return transaction(deps.db, async (tx) => {
    const key = await createApiKey(tx, { workspaceId: workspace.id, ...input, createdBy: actor.id });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'apiKey',
      entityId: key.id,
      action: 'apiKey.create',
      after: { name: key.name, prefix: key.prefix, scopes: key.scopes },
    });
    return { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, token: key.token };
  });
}
