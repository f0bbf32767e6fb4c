import type { Tx } from '../client';

export function createWebhook(db: Tx, input: { workspaceId: string; url: string; secret: string }) {
  return db.webhook.create({ data: input });
}

/** The workspace's webhooks, newest first. The signing secret is shown once, at creation; lists never carry it. */
export function listWebhooks(db: Tx, workspaceId: string) {
  return db.webhook.findMany({
    where: { workspaceId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, url: true, active: true, createdAt: true },
  });
}

/** Switches an active webhook off; false when the workspace has no active webhook with that id. */
export async function disableWebhookRow(db: Tx, workspaceId: string, id: string): Promise<boolean> {
  const { count } = await db.webhook.updateMany({ where: { id, workspaceId, active: true }, data: { active: false } });
  return count > 0;
}

/**
 * A `ping` delivery to one active webhook of the workspace (the "send a test delivery" button), in the payload
 * shape every delivery has; null when the workspace has no active webhook with that id.
 */
export async function createPingDelivery(db: Tx, workspaceId: string, id: string, at: Date) {
  const hook = await db.webhook.findFirst({ where: { id, workspaceId, active: true }, select: { id: true } });
  if (!hook) return null;
  const payload = {
    id: `ping-${at.getTime()}`,
    event: 'ping',
    createdAt: at.toISOString(),
    title: 'Test delivery from Uplift',
    body: 'This is a test: the webhook is reachable and its signature can be checked.',
    data: {},
  };
  return db.webhookDelivery.create({ data: { webhookId: hook.id, event: 'ping', payload }, select: { id: true } });
}
