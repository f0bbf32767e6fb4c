import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { text } from '@uplift/domain';
import { listOffers } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { publicOffer } from '../mappers';
import { errors, ok } from '../schemas';

const ZOfferOut = z
  .object({
    id: z.string(),
    name: z.string(),
    rung: z.string(),
    state: z.string(),
    hypothesisId: z.string(),
    experiments: z.array(
      z.object({
        key: z.string(),
        channel: z.string(),
        status: z.string(),
        decision: z.string().nullable(),
        design: z.string(),
        scopeSegments: z.array(z.string()).describe('The segments it reaches; empty = every unit'),
        reachPerMonth: z.number().int().nullable().describe('Units this rung reaches per month at full rollout'),
        rolledOutAt: z.string().nullable().describe('When its winner went live (ISO 8601); null unless a WIN'),
      }),
    ),
  })
  .openapi('Offer');

const route = createRoute({
  method: 'get',
  path: '/v1/offers',
  summary: 'Offers on the channel ladder with their experiments per rung (filter `?experiment=KEY`)',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  request: { query: z.object({ experiment: text().min(1).max(200).optional() }) },
  responses: { 200: ok(z.object({ items: z.array(ZOfferOut) }), 'The offers'), ...errors(400) },
});

export const offers = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) =>
    c.json(
      { items: (await listOffers(c.var.deps.db, c.var.key.workspaceId, c.req.valid('query'))).map(publicOffer) },
      200,
    ),
});
