import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { CHANNELS, FUNNEL_STAGES, LEARNING_OUTCOMES, ZLearningQuery } from '@uplift/domain';
import { listLearnings } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { errors, ok } from '../schemas';

const ZLearningOut = z
  .object({
    id: z.string(),
    text: z.string(),
    tags: z.array(z.string()),
    experimentKey: z.string(),
    experimentName: z.string(),
    hypothesisTitle: z.string(),
    funnelStage: z.enum(FUNNEL_STAGES),
    channel: z.enum(CHANNELS),
    outcome: z.enum(LEARNING_OUTCOMES).nullable().describe('The decision, or STOPPED; null when it had none'),
    lift: z.number().nullable().describe('Relative lift of the winner (or best treatment) in the final snapshot'),
    author: z.string(),
    updatedAt: z.string().describe('ISO 8601 date-time'),
  })
  .openapi('Learning');

const route = createRoute({
  method: 'get',
  path: '/v1/learnings',
  summary: 'What the team learned from ended experiments, newest first; filter by stage, channel, tag, outcome',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  request: { query: ZLearningQuery },
  responses: {
    200: ok(z.object({ items: z.array(ZLearningOut), total: z.number().int() }), 'A page (limit/offset)'),
    ...errors(400),
  },
});

export const learnings = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const page = await listLearnings(c.var.deps, c.var.scope, c.req.valid('query'));
    const items = page.items.map((l) => ({
      id: l.id,
      text: l.text,
      tags: l.tags,
      experimentKey: l.experiment.key,
      experimentName: l.experiment.name,
      hypothesisTitle: l.hypothesis.title,
      funnelStage: l.hypothesis.funnelStage,
      channel: l.experiment.channel,
      outcome: l.outcome,
      lift: l.lift,
      author: l.authorName,
      updatedAt: l.updatedAt.toISOString(),
    }));
    return c.json({ items, total: page.total }, 200);
  },
});
