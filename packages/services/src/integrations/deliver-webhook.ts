import { createHmac } from 'node:crypto';
import { getDelivery, recordDeliveryAttempt } from '@uplift/db';
import { UnrecoverableError } from 'bullmq';
import type { ServiceDeps } from '../deps';
import { postPinned } from './post-pinned';
import { resolveWebhookTarget, type WebhookTargetDeps, WebhookTargetRefused } from './webhook-target';

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
 * Posts one delivery. The host is resolved and every address checked against the target policy (private
 * and loopback targets only when `allowPrivateWebhooks`); the connection goes to the checked address and
 * redirects are not followed. Each attempt is logged on the delivery row (the UI's delivery log); a non-2xx
 * answer or a network error throws, so BullMQ retries with exponential backoff; after the last attempt the
 * delivery is FAILED. A refused target fails at once, without retries (UnrecoverableError).
 */
export async function deliverWebhook(
  deps: Pick<ServiceDeps, 'db' | 'log' | 'clock'> & WebhookTargetDeps,
  job: DeliveryAttempt,
  deliveryId: string,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
) {
  const { db, log, clock } = deps;
  const delivery = await getDelivery(db, deliveryId);
  if (!delivery) throw new UnrecoverableError(`No webhook delivery ${deliveryId}`);
  if (delivery.status !== 'PENDING') return { status: delivery.status };
  const body = JSON.stringify(delivery.payload);
  let statusCode: number | null = null;
  let error: string | null = null;
  let refused = false;
  try {
    const url = new URL(delivery.webhook.url);
    const policy = { allowPrivate: deps.allowPrivateWebhooks ?? false };
    const target = await resolveWebhookTarget(url, policy, deps.resolveHost);
    statusCode = await postPinned(url, target, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Uplift-Webhooks/1',
        'x-uplift-event': delivery.event,
        'x-uplift-delivery': delivery.id,
        [SIGNATURE_HEADER]: signWebhook(delivery.webhook.secret, body),
      },
      body,
      timeoutMs,
      onDiscardError: (e) => log.warn('webhook response body not discarded', { deliveryId, error: e.message }),
    });
    if (statusCode >= 300 && statusCode < 400) error = `HTTP ${statusCode} (redirects are not followed)`;
    else if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
  } catch (e) {
    refused = e instanceof WebhookTargetRefused;
    error = (e as Error).message;
  }
  const last = refused || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const status = error === null ? 'DELIVERED' : last ? 'FAILED' : 'PENDING';
  await recordDeliveryAttempt(db, deliveryId, { status, statusCode, error, at: clock() });
  if (refused) throw new UnrecoverableError(`Webhook ${delivery.webhook.url}: ${error}`);
  if (error !== null) throw new Error(`Webhook ${delivery.webhook.url}: ${error}`);
  return { status };
}
