import { ZInvitationIdInput, ZMemberInviteInput, ZMemberRemoveInput, ZMemberRoleInput } from '@uplift/domain';
import {
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  setMemberRole,
} from '@uplift/services';
import { router, workspaceProcedure } from '../trpc';

export const memberRouter = router({
  list: workspaceProcedure('member.read').query(({ ctx }) => listMembers(ctx.deps, ctx)),
  /** By email and role only; the same answer whether or not the email has an account (README, "Members"). */
  invite: workspaceProcedure('member.manage')
    .input(ZMemberInviteInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.deps, ctx, input)),
  invitations: workspaceProcedure('member.manage').query(({ ctx }) => listInvitations(ctx.deps, ctx)),
  revokeInvitation: workspaceProcedure('member.manage')
    .input(ZInvitationIdInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.deps, ctx, input)),
  setRole: workspaceProcedure('member.manage')
    .input(ZMemberRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx.deps, ctx, input)),
  remove: workspaceProcedure('member.manage')
    .input(ZMemberRemoveInput)
    .mutation(({ ctx, input }) => removeMember(ctx.deps, ctx, input)),
});
