import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import { ZExperimentCreateInput } from '@uplift/domain';
import { createExperiment } from '@uplift/services';
import { apiKey } from '../api-key';
import { body, DEFAULT_BODY_BYTES } from '../body';
import type { RestEnv } from '../env';
import { publicExperiment } from '../mappers';
import { errors, ok, ZExperimentOut } from '../schemas';

const route = createRoute({
  method: 'post',
  path: '/v1/experiments',
  summary: 'Open an experiment for an APPROVED hypothesis (it becomes TESTING); `start: true` runs it at once',
  'x-scopes': ['write'],
  middleware: [apiKey('write'), body(DEFAULT_BODY_BYTES)] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ZExperimentCreateInput } } } },
  responses: { 201: ok(ZExperimentOut, 'Created'), ...errors(400, 404, 409, 413) },
});

export const experimentsCreate = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) =>
    c.json(publicExperiment(await createExperiment(c.var.deps, c.var.scope, c.req.valid('json'))), 201),
});
