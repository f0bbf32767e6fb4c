import { createHmac } from 'node:crypto';
import type { Db } from '@uplift/db';
import { type Job, UnrecoverableError } from 'bullmq';

export const SIGNATURE_HEADER = 'x-uplift-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>` (the scheme GitHub webhooks use). */
export const signWebhook = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Posts one delivery. Each attempt is logged on the delivery row (the UI's delivery log); a non-2xx answer
 * or a network error throws, so BullMQ retries with exponential backoff; after the last attempt the
 * delivery is FAILED.
 */
export async function deliverWebhook(db: Db, job: Job, deliveryId: string, timeoutMs = 10_000) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!delivery) throw new UnrecoverableError(`No webhook delivery ${deliveryId}`);
  if (delivery.status !== 'PENDING') return { status: delivery.status };
  const body = JSON.stringify(delivery.payload);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Uplift-Webhooks/1',
        'x-uplift-event': delivery.event,
        'x-uplift-delivery': delivery.id,
        [SIGNATURE_HEADER]: signWebhook(delivery.webhook.secret, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    statusCode = response.status;
    await response.body?.cancel().catch(() => {});
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    error = (e as Error).message;
  }
  const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const status = error === null ? 'DELIVERED' : last ? 'FAILED' : 'PENDING';
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status,
      attempts: { increment: 1 },
      lastStatusCode: statusCode,
      lastError: error,
      deliveredAt: error === null ? new Date() : null,
    },
  });
  if (error !== null) throw new Error(`Webhook ${delivery.webhook.url}: ${error}`);
  return { status };
}
