import { listLocationSales, recordAudit, recordDataArrival, transaction, upsertLocationSales } from '@uplift/db';
import {
  chosenLocationSplit,
  closedToData,
  DomainError,
  LOCATION_ANALYSIS_DEFAULTS,
  proposeLocationSplit,
  storedLocationMethod,
  ZLocationsUpload,
} from '@uplift/domain';
import type { Actor, ServiceDeps } from '../deps';
import { requestEvaluationOrWarn } from './evaluation-jobs';
import { mustGetExperiment } from './must-get-experiment';

/**
 * Stores weekly sales per location (a week sent again replaces its figure) and, the first time, proposes the
 * treatment / holdout split stratified by each location's mean weekly sales before the start, with the weeks the
 * test is planned for (its group-sequential looks; default 8) and the method the worker analyses it by (default
 * "auto": synthetic control below 5 treated locations, else difference-in-differences). A `treatment` list (a
 * planned set) replaces the stratified draw: every other location with pre-period weeks is holdout.
 */
export async function putLocations(deps: ServiceDeps, workspaceId: string, key: string, raw: unknown, actor: Actor) {
  const input = ZLocationsUpload.parse(raw);
  const result = await transaction(
    deps.db,
    async (tx) => {
      const experiment = await mustGetExperiment(tx, workspaceId, key);
      const closed = closedToData(experiment.status, 'sending location data');
      if (closed) throw new DomainError('CONFLICT', `Experiment "${key}" ${closed}.`, 'experiment');
      const now = deps.clock();
      await upsertLocationSales(tx, experiment.id, input.rows);
      if (experiment.locationSplit && input.treatment) {
        throw new DomainError('CONFLICT', `treatment: experiment "${key}" already has its split.`, 'treatment');
      }
      const splitOptions = {
        start: input.start ?? (experiment.startedAt ?? now).toISOString().slice(0, 10),
        seed: input.seed ?? experiment.key,
      };
      const split = experiment.locationSplit ?? {
        ...(input.treatment
          ? chosenLocationSplit(await listLocationSales(tx, experiment.id), input.treatment, splitOptions)
          : proposeLocationSplit(await listLocationSales(tx, experiment.id), {
              ...splitOptions,
              holdoutShare: input.holdoutShare,
            })),
        ...(input.plannedWeeks ? { plannedWeeks: input.plannedWeeks } : {}),
        method: input.method ?? LOCATION_ANALYSIS_DEFAULTS.method,
      };
      await recordDataArrival(tx, experiment.id, now, split);
      await recordAudit(tx, {
        workspaceId,
        actor,
        entityType: 'experiment',
        entityId: experiment.id,
        action: 'experiment.locations',
        after: {
          rows: input.rows.length,
          locations: new Set(input.rows.map((r) => r.location)).size,
          weeks: new Set(input.rows.map((r) => r.week)).size,
        },
      });
      return { experimentId: experiment.id, rows: input.rows.length, split };
    },
    // Up to 500,000 rows in one statement: more than Prisma's 5-second default.
    { timeout: 60_000 },
  );
  await requestEvaluationOrWarn(deps, result.experimentId);
  // A split from before the method choice has none stored: it answers with the method it runs (DiD).
  return { rows: result.rows, split: { ...result.split, method: storedLocationMethod(result.split) } };
}
