import { CHANNELS, text, ZLadderSettings, ZReadinessInput, ZRungReach } from '@uplift/domain';
import {
  approvePromotion,
  checkReadiness,
  ladderBoard,
  listPromotions,
  offerJourney,
  rejectPromotion,
  retestOnRung,
  updateLadderSettings,
} from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

export const ladderRouter = router({
  /** The board: the workspace's rungs, what each asks, and every offer on them. */
  board: workspaceProcedure('ladder.read').query(({ ctx }) => ladderBoard(ctx.deps, ctx)),
  offer: workspaceProcedure('ladder.read')
    .input(z.object({ id: text().min(1).max(200) }))
    .query(({ ctx, input }) => offerJourney(ctx.deps.db, ctx.workspace.id, input.id)),
  promotions: workspaceProcedure('ladder.read')
    .input(z.object({ status: z.enum(['PROPOSED', 'APPLIED', 'REJECTED']).optional() }))
    .query(({ ctx, input }) => listPromotions(ctx.deps.db, ctx.workspace.id, input.status)),
  approve: workspaceProcedure('promotion.decide')
    .input(
      z.object({
        id: text().min(1).max(200),
        reason: text().trim().max(2000).optional(),
        /** Scope the step to these segments (a subset of those where the offer won). */
        segments: z.array(text().min(1).max(200)).optional(),
        /** The next rung's own reach per month (default: the proposal's, the hypothesis' reach). */
        reachPerMonth: ZRungReach.optional(),
      }),
    )
    .mutation(({ ctx, input }) => approvePromotion(ctx.deps, ctx, { ...input, reason: input.reason || null })),
  reject: workspaceProcedure('promotion.decide')
    .input(z.object({ id: text().min(1).max(200), reason: text().trim().min(1, 'is required: say why').max(2000) }))
    .mutation(({ ctx, input }) => rejectPromotion(ctx.deps, ctx, input)),
  /** A stopped experiment of a promoted offer: a new draft on the same rung (retestProblem says when). */
  retest: workspaceProcedure('promotion.decide')
    .input(z.object({ key: text().min(1).max(200) }))
    .mutation(({ ctx, input }) => retestOnRung(ctx.deps, ctx, input)),
  checkReadiness: workspaceProcedure('readiness.check')
    .input(ZReadinessInput.extend({ offerId: text().min(1).max(200), rung: z.enum(CHANNELS) }))
    .mutation(({ ctx, input }) => checkReadiness(ctx.deps, ctx, input)),
  updateSettings: workspaceProcedure('ladder.settings')
    .input(ZLadderSettings.extend({ priorDiscount: z.number().optional() }).strict())
    .mutation(({ ctx, input }) => updateLadderSettings(ctx.deps, ctx, input)),
});
