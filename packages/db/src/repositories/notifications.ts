import type { WebhookPayload } from '@uplift/domain';
import type { Tx } from '../client';
import { toJsonValue } from '../json';
import { experimentKeysById } from './experiment-queries';

export const NOTIFICATION_KINDS = [
  'decision',
  'decision_pending',
  'srm',
  'no_data',
  'promotion_proposed',
  'demotion_proposed',
  'ladder',
  'evaluation_failed',
  'winner_ready',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  workspaceId: string;
  kind: NotificationKind;
  experimentId: string | null;
  title: string;
  body: string;
  /** The webhook body's `data`. */
  data: Record<string, unknown>;
}

/**
 * Records an in-app notification and one pending delivery per active webhook of the workspace. Call it in the
 * transaction that makes the change it reports, then enqueue the returned deliveries (the reconciler
 * re-enqueues any the queue lost).
 */
export async function notify(db: Tx, n: NotificationInput): Promise<string[]> {
  const notification = await db.notification.create({
    data: { workspaceId: n.workspaceId, kind: n.kind, experimentId: n.experimentId, title: n.title, body: n.body },
  });
  const hooks = await db.webhook.findMany({
    where: { workspaceId: n.workspaceId, active: true },
    select: { id: true },
  });
  const payload: WebhookPayload = {
    id: notification.id,
    event: `experiment.${n.kind}`,
    createdAt: notification.createdAt.toISOString(),
    title: n.title,
    body: n.body,
    data: n.data,
  };
  const ids: string[] = [];
  for (const hook of hooks) {
    const delivery = await db.webhookDelivery.create({
      data: { webhookId: hook.id, event: `experiment.${n.kind}`, payload: toJsonValue(payload) },
    });
    ids.push(delivery.id);
  }
  return ids;
}

/** The latest notifications with the caller's own read state, each with its experiment's key for a link. */
export async function listNotifications(db: Tx, workspaceId: string, userId: string, take = 50) {
  const found = await db.notification.findMany({
    where: { workspaceId },
    orderBy: { createdAt: 'desc' },
    take,
    include: { reads: { where: { userId }, select: { readAt: true } } },
  });
  const rows = found.map(({ reads, ...n }) => ({ ...n, readAt: reads[0]?.readAt ?? null }));
  const ids = [...new Set(rows.flatMap((r) => (r.experimentId ? [r.experimentId] : [])))];
  const keys = await experimentKeysById(db, ids);
  return rows.map((r) => ({ ...r, experimentKey: r.experimentId ? (keys.get(r.experimentId) ?? null) : null }));
}

export async function markNotificationsRead(db: Tx, workspaceId: string, userId: string) {
  const count = await db.$executeRaw`
    INSERT INTO "NotificationRead" ("notificationId", "userId")
    SELECT n.id, ${userId} FROM "Notification" n WHERE n."workspaceId" = ${workspaceId}
    ON CONFLICT DO NOTHING`;
  return { count };
}
