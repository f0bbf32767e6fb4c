import {
  text,
  ZBacklogQuery,
  ZHypothesisCreateInput,
  ZHypothesisPinInput,
  ZHypothesisUpdateInput,
} from '@uplift/domain';
import {
  createHypothesis,
  hypothesisDetail,
  listBacklog,
  pinHypothesis,
  transitionHypothesis,
  updateHypothesis,
} from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

const ZId = z.object({ id: text().min(1).max(200) });
const ZReason = ZId.extend({ reason: text().trim().max(2000).optional() });
const ZRequiredReason = ZId.extend({ reason: text().trim().min(1, 'is required').max(2000) });

export const hypothesisRouter = router({
  list: workspaceProcedure('hypothesis.read')
    .input(ZBacklogQuery)
    .query(({ ctx, input }) => listBacklog(ctx.deps, ctx, input)),
  get: workspaceProcedure('hypothesis.read')
    .input(ZId)
    .query(({ ctx, input }) => hypothesisDetail(ctx.deps, ctx, input)),
  create: workspaceProcedure('hypothesis.create')
    .input(ZHypothesisCreateInput)
    .mutation(({ ctx, input }) => createHypothesis(ctx.deps, ctx, input)),
  update: workspaceProcedure('hypothesis.edit')
    .input(ZHypothesisUpdateInput)
    .mutation(({ ctx, input }) => updateHypothesis(ctx.deps, ctx, input)),
  submit: workspaceProcedure('hypothesis.submit')
    .input(ZId)
    .mutation(({ ctx, input }) => transitionHypothesis(ctx.deps, ctx, { id: input.id, to: 'SUBMITTED' })),
  withdraw: workspaceProcedure('hypothesis.submit')
    .input(ZId)
    .mutation(({ ctx, input }) => transitionHypothesis(ctx.deps, ctx, { id: input.id, to: 'DRAFT' })),
  approve: workspaceProcedure('hypothesis.decide')
    .input(ZReason)
    .mutation(({ ctx, input }) => transitionHypothesis(ctx.deps, ctx, { ...input, to: 'APPROVED' })),
  reject: workspaceProcedure('hypothesis.decide')
    .input(ZRequiredReason)
    .mutation(({ ctx, input }) => transitionHypothesis(ctx.deps, ctx, { ...input, to: 'REJECTED' })),
  archive: workspaceProcedure('hypothesis.decide')
    .input(ZReason)
    .mutation(({ ctx, input }) => transitionHypothesis(ctx.deps, ctx, { ...input, to: 'ARCHIVED' })),
  pin: workspaceProcedure('hypothesis.pin')
    .input(ZHypothesisPinInput)
    .mutation(({ ctx, input }) => pinHypothesis(ctx.deps, ctx, input)),
});
