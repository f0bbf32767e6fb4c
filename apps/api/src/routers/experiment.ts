import {
  rowsFromCsv,
  text,
  ZExperimentCreateInput,
  ZExperimentListQuery,
  ZExperimentStopInput,
  ZExperimentUpdateInput,
  ZIsoDate,
  ZLocationMethod,
  ZLocationPlanInput,
  ZLocationsUpload,
  ZPlannedWeeks,
} from '@uplift/domain';
import {
  confirmDecision,
  createExperiment,
  experimentHistory,
  experimentResults,
  getExperiment,
  listExperimentReports,
  listExperimentSummaries,
  locationPlanStatus,
  putLocations,
  putReport,
  requestLocationPlan,
  startExperiment,
  stopExperiment,
  suggestPlannedUsers,
  updateDraft,
} from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

const ZKey = z.object({ key: text().min(1, 'is required').max(200, 'must be at most 200 characters') });

export const experimentRouter = router({
  list: workspaceProcedure('experiment.read')
    .input(ZExperimentListQuery)
    .query(({ ctx, input }) => listExperimentSummaries(ctx.deps, ctx.workspace.id, input)),
  get: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(({ ctx, input }) => getExperiment(ctx.deps, ctx.workspace.id, input.key)),
  results: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(({ ctx, input }) => experimentResults(ctx.deps, ctx.workspace.id, input.key)),
  history: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(({ ctx, input }) => experimentHistory(ctx.deps, ctx.workspace.id, input.key)),
  reports: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(({ ctx, input }) => listExperimentReports(ctx.deps, ctx.workspace.id, input.key)),
  suggestPlannedUsers: workspaceProcedure('experiment.read')
    .input(
      z.object({
        hypothesisId: text().min(1).max(200),
        variations: z.number().int().min(2).max(8).default(2),
        alpha: z.number().gt(0).max(0.5).default(0.05),
      }),
    )
    .query(({ ctx, input }) => suggestPlannedUsers(ctx.deps, ctx.workspace.id, input)),
  create: workspaceProcedure('experiment.create')
    .input(ZExperimentCreateInput)
    .mutation(({ ctx, input }) => createExperiment(ctx.deps, ctx, input)),
  /** Edits a draft (running experiments are frozen). */
  update: workspaceProcedure('experiment.create')
    .input(ZExperimentUpdateInput)
    .mutation(({ ctx, input }) => updateDraft(ctx.deps, ctx, input)),
  start: workspaceProcedure('experiment.start')
    .input(ZKey)
    .mutation(({ ctx, input }) => startExperiment(ctx.deps, ctx, input)),
  stop: workspaceProcedure('experiment.stop')
    .input(ZExperimentStopInput)
    .mutation(({ ctx, input }) => stopExperiment(ctx.deps, ctx, input)),
  confirmDecision: workspaceProcedure('experiment.confirm')
    .input(ZKey)
    .mutation(({ ctx, input }) => confirmDecision(ctx.deps, ctx, input)),
  /** Weekly sales per location of an offline location test, as CSV text (location, week, sales). */
  uploadLocations: workspaceProcedure('experiment.import')
    .input(
      ZKey.extend({
        csv: text()
          .min(1, 'is required')
          .max(20 * 1024 * 1024, 'is larger than 20 MB'),
        start: ZIsoDate.optional(),
        plannedWeeks: ZPlannedWeeks.optional(),
        method: ZLocationMethod.optional(),
        treatment: ZLocationsUpload.shape.treatment,
      }),
    )
    .mutation(({ ctx, input }) =>
      putLocations(
        ctx.deps,
        ctx.workspace.id,
        input.key,
        {
          rows: rowsFromCsv(input.csv),
          ...(input.start ? { start: input.start } : {}),
          ...(input.plannedWeeks ? { plannedWeeks: input.plannedWeeks } : {}),
          ...(input.method ? { method: input.method } : {}),
          ...(input.treatment ? { treatment: input.treatment } : {}),
        },
        ctx.actor,
      ),
    ),
  /** Asks the worker to plan which locations to treat, from historical weekly sales as CSV (before the split). */
  requestLocationPlan: workspaceProcedure('experiment.import')
    .input(
      ZKey.extend({
        csv: text()
          .min(1, 'is required')
          .max(20 * 1024 * 1024, 'is larger than 20 MB'),
        ...ZLocationPlanInput.shape,
      }).omit({ rows: true }),
    )
    .mutation(({ ctx, input }) => requestLocationPlan(ctx.deps, ctx, input)),
  /** The latest location plan of an experiment: status, progress, ranked sets or the failure; null when none. */
  locationPlan: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(({ ctx, input }) => locationPlanStatus(ctx.deps, ctx.workspace.id, input.key)),
  importReport: workspaceProcedure('experiment.import')
    .input(ZKey.extend({ report: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const report = await putReport(ctx.deps, ctx.workspace.id, input.key, input.report, {
        kind: 'csv',
        by: ctx.actor.email,
        actor: ctx.actor,
      });
      return { id: report.id, metric: report.metric, createdAt: report.createdAt };
    }),
});
