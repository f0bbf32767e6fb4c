import { text } from '@uplift/domain';
import { backlogRanking, getInsights, hypothesisCalibration, requestInsights } from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

export const insightsRouter = router({
  /** The figures as the worker last computed them, with the time; null before the first computation. */
  get: workspaceProcedure('workspace.read').query(({ ctx }) => getInsights(ctx.deps, ctx.workspace.id)),
  /** Asks the worker for fresh figures (they also follow every completed test and settings change). */
  recompute: workspaceProcedure('workspace.read').mutation(async ({ ctx }) => {
    await requestInsights(ctx.deps, ctx.workspace.id);
    return { requested: true };
  }),
  /** One idea's calibrated ROI and what it was built from, for the sentence on its page. */
  forHypothesis: workspaceProcedure('hypothesis.read')
    .input(z.object({ id: text().min(1).max(200) }))
    .query(({ ctx, input }) => hypothesisCalibration(ctx.deps, ctx, input)),
  /** Which ROI the backlog's priority order follows, and how many completed tests it stands on. */
  ranking: workspaceProcedure('hypothesis.read').query(({ ctx }) => backlogRanking(ctx.deps, ctx.workspace.id)),
});
