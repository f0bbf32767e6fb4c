import { API_KEY_SCOPES, listApiKeys, listDeliveries, listNotifications, markNotificationsRead } from '@uplift/db';
import { addWebhook, issueApiKey, removeWebhook, withdrawApiKey } from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

const ZId = z.object({ id: z.string().min(1) });

export const apiKeyRouter = router({
  list: workspaceProcedure('apikey.manage').query(({ ctx }) => listApiKeys(ctx.deps.db, ctx.workspace.id)),
  create: workspaceProcedure('apikey.manage')
    .input(
      z.object({
        name: z.string().trim().min(1, 'is required').max(100),
        scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'choose at least one scope'),
      }),
    )
    .mutation(({ ctx, input }) => issueApiKey({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input)),
  revoke: workspaceProcedure('apikey.manage')
    .input(ZId)
    .mutation(({ ctx, input }) =>
      withdrawApiKey({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input.id),
    ),
});

export const webhookRouter = router({
  // The signing secret is shown once, at creation; lists never carry it.
  list: workspaceProcedure('webhook.manage').query(({ ctx }) =>
    ctx.deps.db.webhook.findMany({
      where: { workspaceId: ctx.workspace.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true, url: true, active: true, createdAt: true },
    }),
  ),
  create: workspaceProcedure('webhook.manage')
    .input(z.object({ url: z.string().trim().min(1, 'is required').max(2000) }))
    .mutation(({ ctx, input }) => addWebhook({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input)),
  disable: workspaceProcedure('webhook.manage')
    .input(ZId)
    .mutation(({ ctx, input }) =>
      removeWebhook({ db: ctx.deps.db, workspace: ctx.workspace, actor: ctx.actor }, input.id),
    ),
  deliveries: workspaceProcedure('webhook.manage')
    .input(z.object({ experiment: z.string().min(1).optional() }).optional())
    .query(({ ctx, input }) => listDeliveries(ctx.deps.db, ctx.workspace.id, input ?? {})),
});

export const notificationRouter = router({
  list: workspaceProcedure('notification.read').query(({ ctx }) =>
    listNotifications(ctx.deps.db, ctx.workspace.id, ctx.actor.id),
  ),
  markRead: workspaceProcedure('notification.read').mutation(({ ctx }) =>
    markNotificationsRead(ctx.deps.db, ctx.workspace.id, ctx.actor.id),
  ),
});
