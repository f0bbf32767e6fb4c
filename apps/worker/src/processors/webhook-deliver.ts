import { JOBS } from '@uplift/jobs';
import { deliverWebhook } from '@uplift/services';
import type { Processor } from './processor';

/** `webhook.deliver`: posts one webhook delivery; BullMQ retries it with backoff. */
export const webhookDeliver: Processor = (job, deps) =>
  deliverWebhook(deps, job, JOBS['webhook.deliver'].parse(job.data).deliveryId);
