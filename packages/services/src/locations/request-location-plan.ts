import { createLocationPlan, recordAudit, transaction } from '@uplift/db';
import { closedToData, DomainError, type LocationPlanInput, rowsFromCsv, ZLocationPlanInput } from '@uplift/domain';
import { enqueueLocationPlan } from '@uplift/jobs';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { mustGetExperiment } from '../experiments/must-get-experiment';

/** What the location test's page sends: historical weekly sales as CSV, and what to plan (ZLocationPlanInput). */
export type LocationPlanRequest = { key: string; csv: string } & Omit<Partial<LocationPlanInput>, 'rows'>;

/**
 * Asks the worker to plan which locations an experiment's location test should treat (`location.plan`): the
 * request is checked here, so a bad CSV or size is refused at once naming the field; the row is written first
 * (the source of truth), then the job enqueued with the row's id. A queue that is away is tolerated: the
 * reconciler enqueues plans still waiting.
 */
export async function requestLocationPlan(
  deps: ServiceDeps,
  { workspace, actor }: ActingScope,
  { key, csv, ...options }: LocationPlanRequest,
) {
  const request = ZLocationPlanInput.parse({ ...options, rows: rowsFromCsv(csv) });
  const plan = await transaction(deps.db, async (tx) => {
    const experiment = await mustGetExperiment(tx, workspace.id, key);
    // A draft may be planned before it starts; a finished test takes no more data, so no split either.
    const closed = experiment.status === 'DRAFT' ? null : closedToData(experiment.status, 'planning');
    if (closed) throw new DomainError('CONFLICT', `Experiment "${key}" ${closed}.`, 'experiment');
    if (experiment.locationSplit) {
      throw new DomainError(
        'CONFLICT',
        `Experiment "${key}" already has its split; plan before the first upload.`,
        'key',
      );
    }
    const created = await createLocationPlan(tx, { experimentId: experiment.id, request, requestedById: actor.id });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'experiment',
      entityId: experiment.id,
      action: 'experiment.locationPlan',
      after: {
        plan: created.id,
        rows: request.rows.length,
        treatmentSize: request.treatmentSize ?? null,
        testWeeks: request.testWeeks ?? null,
      },
    });
    return created;
  });
  await enqueueLocationPlan(deps.queue, plan.id).catch((error: Error) =>
    deps.log.warn('location plan not enqueued; the reconciler will enqueue it', {
      plan: plan.id,
      error: error.message,
    }),
  );
  return plan;
}
