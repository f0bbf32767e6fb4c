import { dropRawEvents, listExperimentsPastRetention } from '@uplift/db';
import type { ServiceDeps } from '../deps';

const DAY_MS = 86_400_000;
/** Experiments handled per reconcile run: a backlog after turning retention on drains over a few minutes. */
const PER_RUN = 50;

/**
 * Retention of raw events (RAW_EVENT_RETENTION_DAYS, off when unset): drops the raw rows of experiments that
 * ended (completed or stopped) more than `retentionDays` ago; aggregates, units and snapshots are kept, so
 * results and reports stay as they were. Idempotent: a dropped experiment is marked and not visited again.
 */
export async function dropExpiredRawEvents(deps: ServiceDeps, retentionDays: number | undefined) {
  if (retentionDays === undefined) return { experiments: 0, events: 0 };
  const now = deps.clock();
  const ids = await listExperimentsPastRetention(deps.db, new Date(now.getTime() - retentionDays * DAY_MS), PER_RUN);
  let events = 0;
  for (const id of ids) events += await dropRawEvents(deps.db, id, now);
  if (ids.length) deps.log.info('raw events past retention dropped', { experiments: ids.length, events });
  return { experiments: ids.length, events };
}
