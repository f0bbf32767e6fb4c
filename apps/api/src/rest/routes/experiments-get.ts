import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import { mustGetExperiment } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { publicExperiment } from '../mappers';
import { errors, ok, ZExperimentOut, ZKeyParams } from '../schemas';

const route = createRoute({
  method: 'get',
  path: '/v1/experiments/{key}',
  summary: 'One experiment',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  request: { params: ZKeyParams },
  responses: { 200: ok(ZExperimentOut, 'The experiment'), ...errors(400, 404) },
});

export const experimentsGet = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) =>
    c.json(
      publicExperiment(await mustGetExperiment(c.var.deps.db, c.var.key.workspaceId, c.req.valid('param').key)),
      200,
    ),
});
