import { dropRawEvents, listExperimentsPastRetention } from '@uplift/db';
import type { ServiceDeps } from '../deps';

/** Experiments handled per reconcile run: a backlog after turning retention on drains over a few minutes. */
const PER_RUN = 50;

/**
 * Retention of raw events: drops the raw rows of experiments that ended (completed or stopped) longer ago than
 * their workspace keeps them (its `rawEventRetentionDays` setting, else `defaultDays`: RAW_EVENT_RETENTION_DAYS;
 * neither set: kept); aggregates, units and snapshots are kept, so results and reports stay as they were.
 * Idempotent: a dropped experiment is marked and not visited again.
 */
export async function dropExpiredRawEvents(deps: ServiceDeps, defaultDays: number | undefined) {
  const now = deps.clock();
  const ids = await listExperimentsPastRetention(deps.db, now, defaultDays ?? null, PER_RUN);
  let events = 0;
  for (const id of ids) events += await dropRawEvents(deps.db, id, now);
  if (ids.length) deps.log.info('raw events past retention dropped', { experiments: ids.length, events });
  return { experiments: ids.length, events };
}
