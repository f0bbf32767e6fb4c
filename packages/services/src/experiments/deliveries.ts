import { enqueueDelivery } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

/** Enqueues webhook deliveries written in a committed transaction; a failure is logged (the reconciler retries). */
export async function enqueueDeliveries(deps: Pick<ServiceDeps, 'queue' | 'log'>, deliveryIds: string[]) {
  for (const id of deliveryIds) await enqueueDelivery(deps.queue, id, deps.log);
}
