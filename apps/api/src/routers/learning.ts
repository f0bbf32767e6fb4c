import { text, ZLearningInput, ZLearningQuery, ZRelatedLearningsQuery } from '@uplift/domain';
import { experimentLearning, listLearnings, recordLearning, relatedLearningsFor } from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

/** Learnings (README, "Learnings"): the library, one experiment's learning, and those related to a draft. */
export const learningRouter = router({
  list: workspaceProcedure('learning.read')
    .input(ZLearningQuery)
    .query(({ ctx, input }) => listLearnings(ctx.deps, ctx, input)),
  forExperiment: workspaceProcedure('learning.read')
    .input(z.object({ key: text().min(1).max(200) }))
    .query(({ ctx, input }) => experimentLearning(ctx.deps, ctx, input.key)),
  related: workspaceProcedure('learning.read')
    .input(ZRelatedLearningsQuery)
    .query(({ ctx, input }) => relatedLearningsFor(ctx.deps, ctx, input)),
  record: workspaceProcedure('learning.record')
    .input(ZLearningInput)
    .mutation(({ ctx, input }) => recordLearning(ctx.deps, ctx, input)),
});
