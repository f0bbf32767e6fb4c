import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { experimentResults } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { errors, ok, ZKeyParams } from '../schemas';

// An analysis is what `uplift analyze` prints for the experiment's engine (frequentist or Bayesian).
const ZAnalysis = z.record(z.string(), z.unknown()).describe('The analysis, as `uplift analyze` prints it');
const ZWithAnalysis = z.looseObject({ analysis: ZAnalysis.nullable() });

const ZResults = z
  .object({
    experiment: z.string(),
    name: z.string(),
    status: z.string(),
    evaluatedAt: z.string().nullable(),
    dataVersion: z.number().int(),
    analysis: ZAnalysis.nullable(),
    guardrails: z.array(ZWithAnalysis),
    segments: z.array(ZWithAnalysis).nullable(),
    decision: z.object({ outcome: z.string(), reason: z.string(), winner: z.string().nullable() }),
    pendingConfirmation: z.string().nullable(),
    progress: z.object({
      users: z.number().int(),
      plannedUsers: z.number().int(),
      fraction: z.number(),
      daysLeft: z.number().int().nullable(),
    }),
    unattributed: z.number().int(),
    evaluationFailure: z
      .object({ message: z.string(), failedAt: z.string(), stale: z.literal(true) })
      .nullable()
      .describe('The last evaluation failed: the figures above are stale, and this says why (null when fine)'),
  })
  .openapi('Results');

const route = createRoute({
  method: 'get',
  path: '/v1/experiments/{key}/results',
  summary: 'The latest evaluation: analysis (as `uplift analyze` prints it), guardrails, decision, progress',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  request: { params: ZKeyParams },
  responses: { 200: ok(ZResults, 'The latest evaluation'), ...errors(400, 404) },
});

export const results = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) =>
    c.json(ZResults.parse(await experimentResults(c.var.deps, c.var.key.workspaceId, c.req.valid('param').key)), 200),
});
