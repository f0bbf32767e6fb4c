import { getInsights, requestInsights } from '@uplift/services';
import { router, workspaceProcedure } from '../trpc';

export const insightsRouter = router({
  /** The figures as the worker last computed them, with the time; null before the first computation. */
  get: workspaceProcedure('workspace.read').query(({ ctx }) => getInsights(ctx.deps, ctx.workspace.id)),
  /** Asks the worker for fresh figures (they also follow every completed test and settings change). */
  recompute: workspaceProcedure('workspace.read').mutation(async ({ ctx }) => {
    await requestInsights(ctx.deps, ctx.workspace.id);
    return { requested: true };
  }),
});
