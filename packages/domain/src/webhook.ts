import { z } from 'zod';
import { text } from './zod-safe';

export const ZWebhookCreateInput = z.object({ url: text().trim().min(1, 'is required').max(2000) });
export type WebhookCreateInput = z.input<typeof ZWebhookCreateInput>;

/** The body Uplift posts to a webhook (and stores on each delivery row): a notification and its data. */
export const ZWebhookPayload = z.object({
  id: z.string(),
  event: z.string(),
  createdAt: z.string(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof ZWebhookPayload>;
