import { findExperimentsForIngestion, ingestEvents, markRemainderSent } from '@uplift/db';
import { type EventIssue, type EventsBatch, prepareBatch } from '@uplift/domain';
import { requestEvaluationAfterBatch } from '@uplift/jobs';
import type { ServiceDeps } from '../deps';

/** The batch is rejected whole (nothing stored) and every problem is listed; `status` is the HTTP answer. */
export class BatchRejected extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly issues: EventIssue[],
  ) {
    super(`${issues.length} invalid event${issues.length === 1 ? '' : 's'}; nothing was stored.`);
  }
}

/**
 * `POST /v1/events`: validates and attributes a batch against the experiments it names (domain
 * `prepareBatch`), stores it in one transaction, and asks for an evaluation of every experiment whose data changed.
 */
export async function ingestBatch(deps: ServiceDeps, workspaceId: string, batch: EventsBatch) {
  const keys = [...new Set(batch.events.map((e) => e.experiment))];
  const experiments = await findExperimentsForIngestion(deps.db, workspaceId, keys);
  const now = deps.clock();
  const { prepared, repeated, issues, status } = prepareBatch(batch, new Map(experiments.map((e) => [e.key, e])), now);
  if (issues.length) throw new BatchRejected(status, issues);
  const result = await ingestEvents(deps.db, prepared, experiments);
  if (result.closed.length) {
    // An experiment completed or was stopped while the batch waited for its lock: refused like any late event.
    const state = new Map(result.closed.map((c) => [c.id, c.status]));
    const current = experiments.map((e) => ({ ...e, status: state.get(e.id) ?? e.status }));
    const again = prepareBatch(batch, new Map(current.map((e) => [e.key, e])), now);
    throw new BatchRejected(again.status, again.issues);
  }
  // A winner send's remainder was sent when its first exposure arrives after the decision (the timeline's mark).
  await markRemainderSent(deps.db, [...new Set(prepared.filter((e) => e.remainder).map((e) => e.experimentId))], now);
  for (const experimentId of result.changed) {
    // Redis away: the data is stored, and the reconciler finds the unevaluated version within a minute.
    await requestEvaluationAfterBatch(deps.queue, experimentId, result.versions[experimentId] as number).catch(
      (e: Error) =>
        deps.log.warn('evaluation not requested; the reconciler requests it', { experimentId, error: e.message }),
    );
  }
  // An id repeated inside the batch is a duplicate, as it would be in the next batch.
  return { accepted: result.accepted, duplicates: result.duplicates + repeated, unattributed: result.unattributed };
}
