import { listBacklog } from '@uplift/db';
import { ZBacklogQuery, ZHypothesisCreateInput, ZHypothesisPinInput, ZHypothesisUpdateInput } from '@uplift/domain';
import {
  createHypothesis,
  hypothesisDetail,
  pinHypothesis,
  transitionHypothesis,
  updateHypothesis,
} from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

const ZId = z.object({ id: z.string().min(1) });
const ZReason = ZId.extend({ reason: z.string().trim().max(2000).optional() });
const ZRequiredReason = ZId.extend({ reason: z.string().trim().min(1, 'is required').max(2000) });

const scope = (ctx: {
  deps: { db: import('@uplift/db').Db };
  workspace: { id: string; horizonMonths: number };
  actor: { id: string; email: string; name: string };
}) => ({
  db: ctx.deps.db,
  workspace: ctx.workspace,
  actor: ctx.actor,
});

export const hypothesisRouter = router({
  list: workspaceProcedure('hypothesis.read')
    .input(ZBacklogQuery)
    .query(({ ctx, input }) => listBacklog(ctx.deps.db, ctx.workspace.id, input)),
  get: workspaceProcedure('hypothesis.read')
    .input(ZId)
    .query(({ ctx, input }) => hypothesisDetail(scope(ctx), input.id)),
  create: workspaceProcedure('hypothesis.create')
    .input(ZHypothesisCreateInput)
    .mutation(({ ctx, input }) => createHypothesis(scope(ctx), input)),
  update: workspaceProcedure('hypothesis.edit')
    .input(ZHypothesisUpdateInput)
    .mutation(({ ctx, input }) => updateHypothesis(scope(ctx), input)),
  submit: workspaceProcedure('hypothesis.submit')
    .input(ZId)
    .mutation(({ ctx, input }) => transitionHypothesis(scope(ctx), input.id, 'SUBMITTED')),
  withdraw: workspaceProcedure('hypothesis.submit')
    .input(ZId)
    .mutation(({ ctx, input }) => transitionHypothesis(scope(ctx), input.id, 'DRAFT')),
  approve: workspaceProcedure('hypothesis.decide')
    .input(ZReason)
    .mutation(({ ctx, input }) => transitionHypothesis(scope(ctx), input.id, 'APPROVED', input.reason)),
  reject: workspaceProcedure('hypothesis.decide')
    .input(ZRequiredReason)
    .mutation(({ ctx, input }) => transitionHypothesis(scope(ctx), input.id, 'REJECTED', input.reason)),
  archive: workspaceProcedure('hypothesis.decide')
    .input(ZReason)
    .mutation(({ ctx, input }) => transitionHypothesis(scope(ctx), input.id, 'ARCHIVED', input.reason)),
  pin: workspaceProcedure('hypothesis.pin')
    .input(ZHypothesisPinInput)
    .mutation(({ ctx, input }) => pinHypothesis(scope(ctx), input)),
});
