import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { listPromotions } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { publicPromotion } from '../mappers';
import { errors, ok } from '../schemas';

const ZPromotionOut = z
  .object({
    id: z.string(),
    offerId: z.string(),
    kind: z.string().describe('PROMOTE or DEMOTE'),
    from: z.string(),
    to: z.string(),
    status: z.string(),
    experimentKey: z.string().nullable(),
    evidence: z.unknown().describe('What the decision rests on (the experiment’s analysis summary)'),
    segments: z.array(z.string()),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Promotion');

const route = createRoute({
  method: 'get',
  path: '/v1/promotions',
  summary: 'Promotion (and demotion) proposals with their evidence; approvals happen in the UI',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  request: { query: z.object({ status: z.enum(['PROPOSED', 'APPLIED', 'REJECTED']).optional() }) },
  responses: { 200: ok(z.object({ items: z.array(ZPromotionOut) }), 'Newest first'), ...errors(400) },
});

export const promotions = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const { deps, key } = c.var;
    const rows = await listPromotions(deps.db, key.workspaceId, c.req.valid('query').status);
    return c.json({ items: rows.map((p) => publicPromotion(p, p.experimentKey)) }, 200);
  },
});
