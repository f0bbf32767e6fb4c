import { createHmac } from 'node:crypto';
import { getDelivery, recordDeliveryAttempt } from '@uplift/db';
import { UnrecoverableError } from 'bullmq';
import type { ServiceDeps } from '../deps';

export const SIGNATURE_HEADER = 'x-uplift-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>` (the scheme GitHub webhooks use). */
export const signWebhook = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** What BullMQ tells about the attempt under way (a `Job` fits). */
export interface DeliveryAttempt {
  attemptsMade: number;
  opts: { attempts?: number | undefined };
}

/**
 * Posts one delivery. Each attempt is logged on the delivery row (the UI's delivery log); a non-2xx answer
 * or a network error throws, so BullMQ retries with exponential backoff; after the last attempt the
 * delivery is FAILED.
 */
export async function deliverWebhook(
  { db, log, clock }: Pick<ServiceDeps, 'db' | 'log' | 'clock'>,
  job: DeliveryAttempt,
  deliveryId: string,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
) {
  const delivery = await getDelivery(db, deliveryId);
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
    // Only the status matters; an error while discarding the receiver's body must not fail the delivery.
    await response.body
      ?.cancel()
      .catch((e: Error) => log.warn('webhook response body not discarded', { deliveryId, error: e.message }));
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    error = (e as Error).message;
  }
  const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const status = error === null ? 'DELIVERED' : last ? 'FAILED' : 'PENDING';
  await recordDeliveryAttempt(db, deliveryId, { status, statusCode, error, at: clock() });
  if (error !== null) throw new Error(`Webhook ${delivery.webhook.url}: ${error}`);
  return { status };
}
