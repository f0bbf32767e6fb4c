import { listAudit, listWorkspacesOf } from '@uplift/db';
import { actionsFor, type Role, ZWorkspaceSettingsInput } from '@uplift/domain';
import { rescoreStatus, updateWorkspaceSettings } from '@uplift/services';
import { z } from 'zod';
import { authedProcedure, router, workspaceProcedure } from '../trpc';

export const meRouter = router({
  /** Who I am, my workspaces, and what my role lets me do in each (the web hides what the API refuses). */
  get: authedProcedure.query(async ({ ctx }) => {
    const memberships = await listWorkspacesOf(ctx.deps.db, ctx.user.id);
    return {
      user: ctx.user,
      workspaces: memberships.map((m) => ({
        ...m.workspace,
        role: m.role as Role,
        actions: actionsFor(m.role as Role),
      })),
    };
  }),
});

export const workspaceRouter = router({
  get: workspaceProcedure('workspace.read').query(({ ctx }) => ctx.workspace),
  updateSettings: workspaceProcedure('workspace.settings')
    .input(ZWorkspaceSettingsInput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx.deps, ctx.workspace, ctx.actor, input)),
  rescoreStatus: workspaceProcedure('workspace.read')
    .input(z.object({ jobId: z.string().min(1) }))
    .query(({ ctx, input }) => rescoreStatus(ctx.deps.queue, ctx.workspace.id, input.jobId)),
});

export const auditRouter = router({
  list: workspaceProcedure('audit.read')
    .input(
      z.object({
        entityType: z
          .enum(['hypothesis', 'workspace', 'membership', 'experiment', 'apiKey', 'webhook', 'offer'])
          .optional(),
        entityId: z.string().optional(),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .query(({ ctx, input }) =>
      listAudit(ctx.deps.db, ctx.workspace.id, { entityType: input.entityType, entityId: input.entityId }, input.limit),
    ),
});
