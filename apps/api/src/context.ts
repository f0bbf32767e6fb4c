import type { ServiceDeps, WebhookTargetDeps } from '@uplift/services';
import type { Redis } from 'ioredis';

/**
 * What the use cases need (db, queue, clock, logger, whether webhooks may target private addresses), plus
 * what the api itself reads: Redis for /healthz.
 */
export interface Deps extends ServiceDeps, Pick<WebhookTargetDeps, 'allowPrivateWebhooks'> {
  redis: Redis;
  queuePrefix: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Context {
  deps: Deps;
  user: SessionUser | null;
  /** The workspace the caller acts in, from the `x-workspace` header (slug). */
  workspaceSlug: string | null;
}
