import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { assignVariant, cumulativeWeights, text } from '@uplift/domain';
import { mustGetExperiment } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { errors, ok, ZVariantOut } from '../schemas';

const ZAssignQuery = z.object({
  experiment: text().min(1, 'is required').max(200, 'must be at most 200 characters'),
  unit: text().min(1, 'is required').max(200, 'must be at most 200 characters'),
});

const route = createRoute({
  method: 'get',
  path: '/v1/assign',
  summary: "A unit's variant (deterministic: the same answer every time, computable offline)",
  'x-scopes': ['read', 'ingest'],
  middleware: [apiKey('read', 'ingest')] as const,
  request: { query: ZAssignQuery },
  responses: {
    200: ok(z.object({ experiment: z.string(), unit: z.string(), variant: z.string() }), "The unit's variant"),
    ...errors(400, 404),
  },
});

export const assign = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const q = c.req.valid('query');
    const experiment = await mustGetExperiment(c.var.deps.db, c.var.key.workspaceId, q.experiment);
    const variants = z.array(ZVariantOut).parse(experiment.variants);
    const index = assignVariant(experiment.seed, q.unit, cumulativeWeights(variants.map((v) => v.weight)));
    return c.json({ experiment: experiment.key, unit: q.unit, variant: variants[index]?.key as string }, 200);
  },
});
