import { ZMemberAddInput, ZMemberRemoveInput, ZMemberRoleInput } from '@uplift/domain';
import { addMember, listMembers, removeMember, setMemberRole } from '@uplift/services';
import { hashPassword } from 'better-auth/crypto';
import { router, workspaceProcedure } from '../trpc';

export const memberRouter = router({
  list: workspaceProcedure('member.read').query(({ ctx }) => listMembers(ctx.deps, ctx)),
  // A new member's first password is hashed the way the auth library (better-auth) checks it at sign-in.
  add: workspaceProcedure('member.manage')
    .input(ZMemberAddInput)
    .mutation(({ ctx, input }) => addMember({ ...ctx.deps, hashPassword }, ctx, input)),
  setRole: workspaceProcedure('member.manage')
    .input(ZMemberRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx.deps, ctx, input)),
  remove: workspaceProcedure('member.manage')
    .input(ZMemberRemoveInput)
    .mutation(({ ctx, input }) => removeMember(ctx.deps, ctx, input)),
});
