import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { listExperiments } from '@uplift/db';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { publicExperiment } from '../mappers';
import { errors, ok, ZExperimentOut } from '../schemas';

const route = createRoute({
  method: 'get',
  path: '/v1/experiments',
  summary: "The workspace's experiments",
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  responses: { 200: ok(z.object({ items: z.array(ZExperimentOut) }), 'Newest first'), ...errors() },
});

export const experimentsList = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) =>
    c.json({ items: (await listExperiments(c.var.deps.db, c.var.key.workspaceId)).map(publicExperiment) }, 200),
});
