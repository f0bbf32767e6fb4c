import { lockExperimentData, recordAudit, recordDataArrival, storeCovariates, transaction } from '@uplift/db';
import { DomainError, ZCovariatesUpload } from '@uplift/domain';
import type { Actor, ServiceDeps } from '../deps';
import { requestEvaluationOrWarn } from './evaluation-jobs';
import { mustGetExperiment } from './must-get-experiment';

/**
 * `PUT /v1/experiments/{key}/covariates`: each unit's pre-period value of the primary metric, for CUPED. A draft
 * takes them too (pre-period data is ready before the start); a completed or stopped experiment refuses them.
 * Idempotent: a unit sent again with its stored value changes nothing, another value replaces it exactly (the
 * aggregates move by the difference). The whole upload is refused when a row is bad (the schema names it).
 */
export async function putCovariates(deps: ServiceDeps, workspaceId: string, key: string, raw: unknown, actor: Actor) {
  const input = ZCovariatesUpload.parse(raw);
  const result = await transaction(
    deps.db,
    async (tx) => {
      const experiment = await mustGetExperiment(tx, workspaceId, key);
      // Under the lock event batches take: a batch's exposures and this upload see each other's rows whole.
      const [closed] = await lockExperimentData(tx, [experiment.id], { allowDraft: true });
      if (closed) {
        const state = closed.status.toLowerCase();
        throw new DomainError('CONFLICT', `Experiment "${key}" is ${state}; it takes no more data.`, 'experiment');
      }
      const rows = input.covariates.map((r) => ({ experimentId: experiment.id, unitId: r.unit, value: r.covariate }));
      const changed = await storeCovariates(tx, rows, 'replace');
      // A draft has no exposed unit whose figures could move, and data before the start must not set the
      // no-data clock (lastDataAt) back before it.
      const moved = changed > 0 && experiment.status === 'RUNNING';
      if (moved) await recordDataArrival(tx, experiment.id, deps.clock());
      await recordAudit(tx, {
        workspaceId,
        actor,
        entityType: 'experiment',
        entityId: experiment.id,
        action: 'experiment.covariates',
        after: { units: rows.length, changed },
      });
      return { experimentId: experiment.id, units: rows.length, changed, moved };
    },
    // Up to 500,000 units in one statement: more than Prisma's 5-second default.
    { timeout: 60_000 },
  );
  if (result.moved) await requestEvaluationOrWarn(deps, result.experimentId);
  return { units: result.units, changed: result.changed };
}
