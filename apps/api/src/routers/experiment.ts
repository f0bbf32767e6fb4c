import { listExperiments, listSnapshots } from '@uplift/db';
import {
  EXPERIMENT_STATUSES,
  ZExperimentCreateInput,
  ZExperimentStopInput,
  ZExperimentUpdateInput,
} from '@uplift/domain';
import {
  confirmDecision,
  createExperiment,
  type ExperimentScope,
  experimentResults,
  mustGetExperiment,
  putLocations,
  putReport,
  rowsFromCsv,
  startExperiment,
  stopExperiment,
  suggestPlannedUsers,
  updateDraft,
} from '@uplift/services';
import { z } from 'zod';
import type { Deps } from '../context';
import { router, workspaceProcedure } from '../trpc';

const ZKey = z.object({ key: z.string().min(1, 'is required') });

const scope = (ctx: {
  deps: Deps;
  workspace: ExperimentScope['workspace'];
  actor: { id: string; email: string };
}): ExperimentScope => ({ db: ctx.deps.db, queue: ctx.deps.queue, workspace: ctx.workspace, actor: ctx.actor });

export const experimentRouter = router({
  list: workspaceProcedure('experiment.read')
    .input(z.object({ status: z.array(z.enum(EXPERIMENT_STATUSES)).optional(), hypothesisId: z.string().optional() }))
    .query(async ({ ctx, input }) => {
      const rows = await listExperiments(ctx.deps.db, ctx.workspace.id, input);
      const latest = await ctx.deps.db.experimentSnapshot.findMany({
        where: { experimentId: { in: rows.map((r) => r.id) } },
        orderBy: { dataVersion: 'desc' },
        distinct: ['experimentId'],
        select: { experimentId: true, users: true, outcome: true },
      });
      const byId = new Map(latest.map((s) => [s.experimentId, s]));
      return rows.map((r) => ({
        ...r,
        users: byId.get(r.id)?.users ?? 0,
        latestOutcome: byId.get(r.id)?.outcome ?? null,
      }));
    }),
  get: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(async ({ ctx, input }) => {
      const experiment = await mustGetExperiment(ctx.deps.db, ctx.workspace.id, input.key);
      const hypothesis = await ctx.deps.db.hypothesis.findUniqueOrThrow({
        where: { id: experiment.hypothesisId },
        select: { id: true, title: true, status: true, baselineRate: true, expectedLift: true },
      });
      return { experiment, hypothesis };
    }),
  results: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(({ ctx, input }) => experimentResults(ctx.deps.db, ctx.workspace.id, input.key)),
  history: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(async ({ ctx, input }) => {
      const experiment = await mustGetExperiment(ctx.deps.db, ctx.workspace.id, input.key);
      return listSnapshots(ctx.deps.db, experiment.id);
    }),
  reports: workspaceProcedure('experiment.read')
    .input(ZKey)
    .query(async ({ ctx, input }) => {
      const experiment = await mustGetExperiment(ctx.deps.db, ctx.workspace.id, input.key);
      return ctx.deps.db.experimentReport.findMany({
        where: { experimentId: experiment.id },
        orderBy: { createdAt: 'desc' },
        take: 50,
      });
    }),
  suggestPlannedUsers: workspaceProcedure('experiment.read')
    .input(
      z.object({
        hypothesisId: z.string().min(1),
        variations: z.number().int().min(2).max(8).default(2),
        alpha: z.number().gt(0).max(0.5).default(0.05),
      }),
    )
    .query(({ ctx, input }) => suggestPlannedUsers(ctx.deps.db, ctx.workspace.id, input)),
  create: workspaceProcedure('experiment.create')
    .input(ZExperimentCreateInput)
    .mutation(({ ctx, input }) => createExperiment(scope(ctx), input)),
  /** Edits a draft (running experiments are frozen). */
  update: workspaceProcedure('experiment.create')
    .input(ZExperimentUpdateInput)
    .mutation(({ ctx, input }) => updateDraft(scope(ctx), input)),
  start: workspaceProcedure('experiment.start')
    .input(ZKey)
    .mutation(({ ctx, input }) => startExperiment(scope(ctx), input.key)),
  stop: workspaceProcedure('experiment.stop')
    .input(ZExperimentStopInput)
    .mutation(({ ctx, input }) => stopExperiment(scope(ctx), input.key, input.reason)),
  confirmDecision: workspaceProcedure('experiment.confirm')
    .input(ZKey)
    .mutation(({ ctx, input }) => confirmDecision(scope(ctx), input.key)),
  /** Weekly sales per location of an offline location test, as CSV text (location, week, sales). */
  uploadLocations: workspaceProcedure('experiment.import')
    .input(
      ZKey.extend({
        csv: z
          .string()
          .min(1, 'is required')
          .max(20 * 1024 * 1024, 'is larger than 20 MB'),
        start: z.string().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      putLocations(ctx.deps, ctx.workspace.id, input.key, {
        rows: rowsFromCsv(input.csv),
        ...(input.start ? { start: input.start } : {}),
      }),
    ),
  importReport: workspaceProcedure('experiment.import')
    .input(ZKey.extend({ report: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      const report = await putReport(ctx.deps, ctx.workspace.id, input.key, input.report, {
        kind: 'csv',
        by: ctx.actor.email,
      });
      return { id: report.id, metric: report.metric, createdAt: report.createdAt };
    }),
});
