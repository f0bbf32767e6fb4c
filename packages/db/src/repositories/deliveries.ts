import { ZWebhookPayload } from '@uplift/domain';
import type { Tx } from '../client';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** One delivery with what posting it needs: its webhook's URL and secret, and its payload parsed. */
export async function getDelivery(db: Tx, id: string) {
  const row = await db.webhookDelivery.findUnique({
    where: { id },
    include: { webhook: { select: { url: true, secret: true } } },
  });
  return row && { ...row, payload: ZWebhookPayload.parse(row.payload) };
}

/** Logs one attempt on the delivery row (the UI's delivery log). */
export function recordDeliveryAttempt(
  db: Tx,
  id: string,
  attempt: { status: DeliveryStatus; statusCode: number | null; error: string | null; at: Date },
) {
  return db.webhookDelivery.update({
    where: { id },
    data: {
      status: attempt.status,
      attempts: { increment: 1 },
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error,
      deliveredAt: attempt.error === null ? attempt.at : null,
    },
  });
}

/** The latest deliveries of the workspace's webhooks, optionally only those about one experiment (by key). */
export function listDeliveries(db: Tx, workspaceId: string, filter: { experiment?: string } = {}, take = 100) {
  return db.webhookDelivery.findMany({
    where: {
      webhook: { workspaceId },
      ...(filter.experiment ? { payload: { path: ['data', 'experiment'], equals: filter.experiment } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take,
    include: { webhook: { select: { url: true } } },
  });
}
