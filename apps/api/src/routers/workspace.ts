import { text, ZAuditQuery, ZWorkspaceSettingsInput } from '@uplift/domain';
import { auditLog, portfolio, rescoreScope, rescoreStatus, updateWorkspaceSettings, whoAmI } from '@uplift/services';
import { z } from 'zod';
import { authedProcedure, router, workspaceProcedure } from '../trpc';

export const meRouter = router({
  get: authedProcedure.query(({ ctx }) => whoAmI(ctx.deps, ctx.user)),
  /** The P&L summed over every workspace the caller is a member of, per currency. */
  portfolio: authedProcedure.query(({ ctx }) => portfolio(ctx.deps, ctx.user)),
});

export const workspaceRouter = router({
  get: workspaceProcedure('workspace.read').query(({ ctx }) => ctx.workspace),
  updateSettings: workspaceProcedure('workspace.settings')
    .input(ZWorkspaceSettingsInput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx.deps, ctx, input)),
  /** How many hypotheses a horizon change would rescore (asked before saving one). */
  rescoreScope: workspaceProcedure('workspace.settings').query(({ ctx }) => rescoreScope(ctx.deps, ctx)),
  rescoreStatus: workspaceProcedure('workspace.read')
    .input(z.object({ jobId: text().min(1).max(200) }))
    .query(({ ctx, input }) => rescoreStatus(ctx.deps, ctx, input)),
});

export const auditRouter = router({
  list: workspaceProcedure('audit.read')
    .input(ZAuditQuery)
    .query(({ ctx, input }) => auditLog(ctx.deps, ctx, input)),
});
