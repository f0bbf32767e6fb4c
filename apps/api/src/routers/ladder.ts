import { CHANNELS, ZLadderSettings, ZReadinessInput } from '@uplift/domain';
import {
  approvePromotion,
  checkReadiness,
  declinePromotion,
  effectivePolicies,
  listOffers,
  listPromotions,
  offerJourney,
  updateLadderSettings,
} from '@uplift/services';
import { z } from 'zod';
import type { Deps } from '../context';
import { router, workspaceProcedure } from '../trpc';

const scope = (ctx: {
  deps: Deps;
  workspace: { id: string; ladder: string[]; ladderPolicies: unknown; priorDiscount: number };
  actor: { id: string; email: string };
}) => ({ db: ctx.deps.db, queue: ctx.deps.queue, workspace: ctx.workspace, actor: ctx.actor });

export const ladderRouter = router({
  /** The board: the workspace's rungs and every offer on them. */
  board: workspaceProcedure('ladder.read').query(async ({ ctx }) => ({
    ladder: ctx.workspace.ladder,
    policies: ctx.workspace.ladderPolicies,
    /** What each rung actually asks: the overrides above merged over the defaults. */
    effectivePolicies: effectivePolicies(ctx.workspace),
    priorDiscount: ctx.workspace.priorDiscount,
    offers: await listOffers(ctx.deps.db, ctx.workspace.id),
  })),
  offer: workspaceProcedure('ladder.read')
    .input(z.object({ id: z.string().min(1) }))
    .query(({ ctx, input }) => offerJourney(ctx.deps.db, ctx.workspace.id, input.id)),
  promotions: workspaceProcedure('ladder.read')
    .input(z.object({ status: z.enum(['PROPOSED', 'APPLIED', 'REJECTED']).optional() }))
    .query(({ ctx, input }) => listPromotions(ctx.deps.db, ctx.workspace.id, input.status)),
  approve: workspaceProcedure('promotion.decide')
    .input(
      z.object({
        id: z.string().min(1),
        reason: z.string().trim().max(2000).optional(),
        /** Scope the step to these segments (a subset of those where the offer won). */
        segments: z.array(z.string().min(1)).optional(),
      }),
    )
    .mutation(({ ctx, input }) => approvePromotion(scope(ctx), input.id, input.reason || null, input.segments)),
  reject: workspaceProcedure('promotion.decide')
    .input(z.object({ id: z.string().min(1), reason: z.string().trim().min(1, 'is required: say why').max(2000) }))
    .mutation(({ ctx, input }) => declinePromotion(scope(ctx), input.id, input.reason)),
  checkReadiness: workspaceProcedure('readiness.check')
    .input(ZReadinessInput.extend({ offerId: z.string().min(1), rung: z.enum(CHANNELS) }))
    .mutation(({ ctx, input }) => checkReadiness(scope(ctx), input)),
  updateSettings: workspaceProcedure('ladder.settings')
    .input(ZLadderSettings.extend({ priorDiscount: z.number().optional() }).strict())
    .mutation(({ ctx, input }) => updateLadderSettings(scope(ctx), input)),
});
