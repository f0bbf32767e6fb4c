import { randomBytes } from 'node:crypto';
import { type ApiKeyScope, createApiKey, type Db, recordAudit, revokeApiKey } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import type { Actor } from '../deps';

interface Scope {
  db: Db;
  workspace: { id: string };
  actor: Actor;
}

/** Creates a key and returns its token — the only time it is ever shown. */
export async function issueApiKey(scope: Scope, input: { name: string; scopes: ApiKeyScope[] }) {
  return scope.db.$transaction(async (tx) => {
    const key = await createApiKey(tx, { workspaceId: scope.workspace.id, ...input, createdBy: scope.actor.id });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'apiKey',
      entityId: key.id,
      action: 'apiKey.create',
      after: { name: key.name, prefix: key.prefix, scopes: key.scopes },
    });
    return { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, token: key.token };
  });
}

export async function withdrawApiKey(scope: Scope, id: string) {
  return scope.db.$transaction(async (tx) => {
    const { count } = await revokeApiKey(tx, scope.workspace.id, id);
    if (!count) throw new DomainError('NOT_FOUND', 'No live API key with that id in this workspace.', 'id');
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'apiKey',
      entityId: id,
      action: 'apiKey.revoke',
    });
    return { id, revoked: true };
  });
}

/**
 * Webhooks post over HTTPS; plain http is accepted only for localhost, so a developer can point one at a
 * local receiver.
 */
export function assertWebhookUrl(raw: string) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('BAD_INPUT', 'must be a full URL, e.g. https://hooks.example.com/uplift', 'url');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new DomainError('BAD_INPUT', 'must use https:// (http:// only for localhost)', 'url');
  }
  return url.toString();
}

export async function addWebhook(scope: Scope, input: { url: string }) {
  const url = assertWebhookUrl(input.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return scope.db.$transaction(async (tx) => {
    const hook = await tx.webhook.create({ data: { workspaceId: scope.workspace.id, url, secret } });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'webhook',
      entityId: hook.id,
      action: 'webhook.create',
      after: { url },
    });
    return hook;
  });
}

export async function removeWebhook(scope: Scope, id: string) {
  return scope.db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id, workspaceId: scope.workspace.id, active: true },
      data: { active: false },
    });
    if (!count) throw new DomainError('NOT_FOUND', 'No active webhook with that id in this workspace.', 'id');
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actor: scope.actor,
      entityType: 'webhook',
      entityId: id,
      action: 'webhook.disable',
    });
    return { id, active: false };
  });
}
