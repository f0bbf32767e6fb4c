import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { listHypothesesPage, ZHypothesisPageQuery } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { errors, ok } from '../schemas';

const ZHypothesisOut = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    channel: z.string(),
    roi: z.number(),
    statement: z.string(),
    segment: z.string(),
    offer: z.string(),
    funnelStage: z.string(),
    baselineRate: z.number(),
    expectedLift: z.number(),
    createdAt: z.string(),
  })
  .openapi('Hypothesis');

const route = createRoute({
  method: 'get',
  path: '/v1/hypotheses',
  summary: 'Hypotheses of the workspace, newest first, optionally by status; paged by `nextCursor`',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  request: { query: ZHypothesisPageQuery },
  responses: {
    200: ok(z.object({ items: z.array(ZHypothesisOut), nextCursor: z.string().nullable() }), 'A page'),
    ...errors(400),
  },
});

export const hypotheses = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const page = await listHypothesesPage(c.var.deps, c.var.scope, c.req.valid('query'));
    const items = page.items.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() }));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  },
});
