import { ZInvitationClaimInput, ZInvitationIdInput, ZInvitationTokenInput } from '@uplift/domain';
import { claimInvitation, myInvitations, previewInvitation, respondToInvitation } from '@uplift/services';
import { hashPassword } from 'better-auth/crypto';
import { authedProcedure, publicProcedure, router } from '../trpc';

/**
 * The invited person's side. Signed in: the invitations addressed to my email, to accept or decline. Through
 * a link (its token is the credential, so these two need no session): what it offers, and a new account with
 * the password the person chooses, hashed the way the auth library (better-auth) checks it at sign-in.
 */
export const invitationRouter = router({
  mine: authedProcedure.query(({ ctx }) => myInvitations(ctx.deps, ctx.user)),
  accept: authedProcedure
    .input(ZInvitationIdInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.deps, ctx.user, input, 'accept')),
  decline: authedProcedure
    .input(ZInvitationIdInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.deps, ctx.user, input, 'decline')),
  preview: publicProcedure.input(ZInvitationTokenInput).query(({ ctx, input }) => previewInvitation(ctx.deps, input)),
  claim: publicProcedure
    .input(ZInvitationClaimInput)
    .mutation(({ ctx, input }) => claimInvitation({ ...ctx.deps, hashPassword }, input)),
});
