import { listMembers } from '@uplift/db';
import { ROLES } from '@uplift/domain';
import { addMember, removeMember, setMemberRole } from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

export const memberRouter = router({
  list: workspaceProcedure('member.read').query(async ({ ctx }) =>
    (await listMembers(ctx.deps.db, ctx.workspace.id)).map((m) => ({ id: m.id, role: m.role, user: m.user })),
  ),
  add: workspaceProcedure('member.manage')
    .input(
      z.object({
        email: z.string().trim().email('must be an email address'),
        name: z.string().trim().min(1, 'is required').max(200),
        role: z.enum(ROLES),
        password: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
      }),
    )
    .mutation(({ ctx, input }) => addMember({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input)),
  setRole: workspaceProcedure('member.manage')
    .input(z.object({ membershipId: z.string().min(1), role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) =>
      setMemberRole({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input.membershipId, input.role),
    ),
  remove: workspaceProcedure('member.manage')
    .input(z.object({ membershipId: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      removeMember({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input.membershipId),
    ),
});
