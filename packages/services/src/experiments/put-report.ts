import { insertReport, recordDataArrival, transaction } from '@uplift/db';
import { closedToData, DomainError, validateReport, ZReportInput } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
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
  source: { kind: 'api' | 'csv'; by: string },
) {
  const input = ZReportInput.parse(raw);
  const report = await transaction(deps.db, async (tx) => {
    const experiment = await mustGetExperiment(tx, workspaceId, key);
    const closed = closedToData(experiment.status, 'importing results');
    if (closed) throw new DomainError('CONFLICT', `Experiment "${key}" ${closed}.`, 'experiment');
    const { metric } = validateReport(input, experiment);
    await recordDataArrival(tx, experiment.id, deps.clock());
    return insertReport(tx, {
      experimentId: experiment.id,
      metric,
      variants: input.variants,
      source: source.kind,
      createdBy: source.by,
    });
  });
  await requestEvaluationOrWarn(deps, report.experimentId);
  return report;
}
