import { claimNoDataAlert, notify, transaction } from '@uplift/db';
import { type NoDataClock, noDataDue, noDataNotice, noDataSince } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { enqueueDeliveries } from './deliveries';

/**
 * Raises the no-data alert of a running experiment when it is due (domain `noDataDue`): once, until data
 * arrives (ingestion clears `noDataAlertedAt`). Of two concurrent evaluations, the one that claims it notifies.
 */
export async function raiseNoDataAlert(
  deps: ServiceDeps,
  experiment: NoDataClock & { id: string; key: string; name: string; workspaceId: string },
): Promise<boolean> {
  const now = deps.clock();
  const since = noDataSince(experiment);
  if (!since || !noDataDue(experiment, now)) return false;
  const deliveries = await transaction(deps.db, async (tx) => {
    if (!(await claimNoDataAlert(tx, experiment.id, now))) return null;
    const notice = noDataNotice(experiment, since, now);
    return notify(tx, { workspaceId: experiment.workspaceId, experimentId: experiment.id, ...notice });
  });
  if (deliveries) await enqueueDeliveries(deps, deliveries);
  return deliveries !== null;
}
