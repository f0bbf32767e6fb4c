import { insertReport, recordAudit, recordDataArrival, transaction } from '@uplift/db';
import { closedToData, DomainError, validateReport, ZReportInput } from '@uplift/domain';
import type { Actor, ServiceDeps } from '../deps';
import { requestEvaluationOrWarn } from './evaluation-jobs';
import { mustGetExperiment } from './must-get-experiment';

/**
 * Stores an email tool's cumulative campaign report for one metric. The newest report of a metric replaces
 * the event data of that metric in evaluation; older ones stay as history.
 */
export async function putReport(
  deps: ServiceDeps,
  workspaceId: string,
  key: string,
  raw: unknown,
  source: { kind: 'api' | 'csv'; by: string; actor: Actor },
) {
  const input = ZReportInput.parse(raw);
  const report = await transaction(deps.db, async (tx) => {
    const experiment = await mustGetExperiment(tx, workspaceId, key);
    const closed = closedToData(experiment.status, 'importing results');
    if (closed) throw new DomainError('CONFLICT', `Experiment "${key}" ${closed}.`, 'experiment');
    const { metric } = validateReport(input, experiment);
    await recordDataArrival(tx, experiment.id, deps.clock());
    const stored = await insertReport(tx, {
      experimentId: experiment.id,
      metric,
      variants: input.variants,
      source: source.kind,
      createdBy: source.by,
    });
    await recordAudit(tx, {
      workspaceId,
      actor: source.actor,
      entityType: 'experiment',
      entityId: experiment.id,
      action: 'experiment.report',
      after: { reportId: stored.id, source: source.kind, metric, ...reportCounts(input.variants) },
    });
    return stored;
  });
  await requestEvaluationOrWarn(deps, report.experimentId);
  return report;
}

/** What the audit row says of a report: how many variants, users and conversions it replaced the data with. */
function reportCounts(variants: { users: number; conversions?: number }[]) {
  const conversions = variants.every((v) => v.conversions !== undefined)
    ? variants.reduce((n, v) => n + (v.conversions ?? 0), 0)
    : null;
  return { variants: variants.length, users: variants.reduce((n, v) => n + v.users, 0), conversions };
}
