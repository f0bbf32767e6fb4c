import { text, ZApiKeyCreateInput, ZWebhookCreateInput } from '@uplift/domain';
import {
  addWebhook,
  disableWebhook,
  issueApiKey,
  listApiKeys,
  listNotifications,
  listWebhookDeliveries,
  listWebhooks,
  markNotificationsRead,
  revokeApiKey,
  sendTestDelivery,
} from '@uplift/services';
import { z } from 'zod';
import { router, workspaceProcedure } from '../trpc';

const ZId = z.object({ id: text().min(1).max(200) });

export const apiKeyRouter = router({
  list: workspaceProcedure('apikey.manage').query(({ ctx }) => listApiKeys(ctx.deps, ctx)),
  create: workspaceProcedure('apikey.manage')
    .input(ZApiKeyCreateInput)
    .mutation(({ ctx, input }) => issueApiKey(ctx.deps, ctx, input)),
  revoke: workspaceProcedure('apikey.manage')
    .input(ZId)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.deps, ctx, input)),
});

export const webhookRouter = router({
  list: workspaceProcedure('webhook.manage').query(({ ctx }) => listWebhooks(ctx.deps, ctx)),
  create: workspaceProcedure('webhook.manage')
    .input(ZWebhookCreateInput)
    .mutation(({ ctx, input }) => addWebhook(ctx.deps, ctx, input)),
  disable: workspaceProcedure('webhook.manage')
    .input(ZId)
    .mutation(({ ctx, input }) => disableWebhook(ctx.deps, ctx, input)),
  /** Posts a `ping` to one webhook now and answers the receiver's status code or the error. */
  test: workspaceProcedure('webhook.manage')
    .input(ZId)
    .mutation(({ ctx, input }) => sendTestDelivery(ctx.deps, ctx, input)),
  deliveries: workspaceProcedure('webhook.manage')
    .input(z.object({ experiment: text().min(1).max(200).optional() }).optional())
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.deps, ctx, input ?? {})),
});

export const notificationRouter = router({
  list: workspaceProcedure('notification.read').query(({ ctx }) => listNotifications(ctx.deps, ctx)),
  markRead: workspaceProcedure('notification.read').mutation(({ ctx }) => markNotificationsRead(ctx.deps, ctx)),
});
