import { listApiKeys as apiKeyRows, listDeliveries, listWebhooks as webhookRows } from '@uplift/db';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

type In = Pick<ActingScope, 'workspace'>;

/** The workspace's webhooks (without their secrets). */
export const listWebhooks = (deps: Pick<ServiceDeps, 'db'>, { workspace }: In) => webhookRows(deps.db, workspace.id);

/** The delivery log, optionally only the deliveries about one experiment (by key). */
export const listWebhookDeliveries = (
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: In,
  filter: { experiment?: string | undefined } = {},
) => listDeliveries(deps.db, workspace.id, filter.experiment ? { experiment: filter.experiment } : {});

/** The workspace's API keys: name, prefix, scopes and use, never the token. */
export const listApiKeys = (deps: Pick<ServiceDeps, 'db'>, { workspace }: In) => apiKeyRows(deps.db, workspace.id);
