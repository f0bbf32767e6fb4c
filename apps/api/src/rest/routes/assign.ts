import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { assignUnit, DEFAULT_SEGMENT_ATTRIBUTE, text, winnerSendOf } from '@uplift/domain';
import { mustGetExperiment } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { errors, ok, ZVariantOut } from '../schemas';

const ZAssignQuery = z.object({
  experiment: text().min(1, 'is required').max(200, 'must be at most 200 characters'),
  unit: text().min(1, 'is required').max(200, 'must be at most 200 characters'),
  [DEFAULT_SEGMENT_ATTRIBUTE]: text()
    .max(200, 'must be at most 200 characters')
    .optional()
    .openapi({
      description:
        "The unit's segment, for an experiment scoped to some segments; the experiment's segment attribute " +
        '(e.g. `&country=DE`) may be sent instead',
    }),
});

const ZAssignOut = z.object({
  experiment: z.string(),
  unit: z.string(),
  variant: z.string().nullable().describe('Null when the unit is outside the experiment: show it the default'),
  inExperiment: z
    .boolean()
    .describe('False for a unit outside the segments a scoped experiment reaches (or of unknown segment)'),
  waiting: z
    .literal(true)
    .optional()
    .describe(
      "A winner send's remainder before the decision: send it nothing yet (variant null); after the decision " +
        'the same unit gets the winner',
    ),
});

const route = createRoute({
  method: 'get',
  path: '/v1/assign',
  summary: "A unit's variant (deterministic: the same answer every time, computable offline)",
  description:
    'An experiment scoped to some segments (a promotion approved for those only) answers `variant: null, ' +
    'inExperiment: false` for units of other segments, and for units whose segment is not sent. A winner send ' +
    '(an email test on a share of the list) answers its remainder `variant: null, inExperiment: true, waiting: ' +
    'true` until the decision, then the winner.',
  'x-scopes': ['read', 'ingest'],
  middleware: [apiKey('read', 'ingest')] as const,
  request: { query: ZAssignQuery },
  responses: {
    200: ok(ZAssignOut, "The unit's variant, or none outside the experiment's scope"),
    ...errors(400, 404),
  },
});

export const assign = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const q = c.req.valid('query');
    const experiment = await mustGetExperiment(c.var.deps.db, c.var.key.workspaceId, q.experiment);
    const variants = z.array(ZVariantOut).parse(experiment.variants);
    // The segment attribute's own parameter (e.g. `country`) is not in the schema: its name is the experiment's.
    const setup = winnerSendOf(experiment);
    const winnerSend = setup && { testShare: setup.testShare, winnerVariant: experiment.winnerVariant };
    const answer = assignUnit({ ...experiment, variants, winnerSend }, q.unit, { ...c.req.query(), ...q });
    return c.json({ experiment: experiment.key, unit: q.unit, ...answer }, 200);
  },
});
