import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { ZReportInput } from '@uplift/domain';
import { putReport } from '@uplift/services';
import { apiKey } from '../api-key';
import { body, DEFAULT_BODY_BYTES } from '../body';
import type { RestEnv } from '../env';
import { errors, ok, ZKeyParams } from '../schemas';

const route = createRoute({
  method: 'put',
  path: '/v1/experiments/{key}/report',
  summary: "Cumulative per-variant totals from an email tool's campaign report (replaces the previous one)",
  'x-scopes': ['ingest'],
  middleware: [apiKey('ingest'), body(DEFAULT_BODY_BYTES)] as const,
  request: { params: ZKeyParams, body: { required: true, content: { 'application/json': { schema: ZReportInput } } } },
  responses: {
    200: ok(z.object({ id: z.string(), metric: z.string(), createdAt: z.string() }), 'Stored; evaluation follows'),
    ...errors(400, 404, 409, 413),
  },
});

export const report = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const source = { kind: 'api' as const, by: c.var.scope.actor.id, actor: c.var.scope.actor };
    const r = await putReport(c.var.deps, c.var.key.workspaceId, c.req.valid('param').key, c.req.valid('json'), source);
    return c.json({ id: r.id, metric: r.metric, createdAt: r.createdAt.toISOString() }, 200);
  },
});
