import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { getInsights, requestInsights } from '@uplift/services';
import { apiKey } from '../api-key';
import type { RestEnv } from '../env';
import { errors, ok } from '../schemas';

const ZRow = z.looseObject({});
const ZInsightsOut = z
  .object({
    computedAt: z.string().nullable().describe('When the worker computed these figures; null before the first time'),
    completedTests: z.number().int().describe('Completed experiments with an estimate, the figures are made of'),
    figures: z
      .looseObject({
        tooFewToCalibrate: z.boolean().describe('Below 5 completed tests: lifts are shown as measured'),
        tau2: z.number().nullable().describe('τ², the spread of true lifts (Morris 1983); null below 5 tests'),
        experiments: z
          .array(ZRow)
          .describe('Per experiment: measured and shrunk lift, monthly gain, gain to date, realised and predicted ROI'),
        calibration: ZRow.describe('Win rates (Beta posterior, 90% interval), reliability buckets, Brier, lift ratio'),
        openHypotheses: z.array(ZRow).describe('Per open idea: the author’s and the calibrated ROI'),
        gainOverTime: z.array(ZRow).describe('Cumulative realised gain by channel over time'),
        pnl: ZRow.describe('P&L: total, per quarter × channel × stage, per offer across its rungs'),
        funnel: ZRow.describe('Per stage: volume, conversion, tests, wins, cumulative realised lift; end to end'),
      })
      .nullable(),
  })
  .openapi('Insights');

const route = createRoute({
  method: 'get',
  path: '/v1/insights',
  summary:
    'The workspace\'s Insights: realised impact, calibration, calibrated ROI, P&L and funnel (README, "Insights")',
  'x-scopes': ['read'],
  middleware: [apiKey('read')] as const,
  responses: { 200: ok(ZInsightsOut, 'The figures as the worker last computed them'), ...errors() },
});

export const insights = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const workspaceId = c.var.key.workspaceId;
    const found = await getInsights(c.var.deps, workspaceId);
    // Never computed (no test has completed since the job exists): ask for it; the next call has the figures.
    if (!found) await requestInsights(c.var.deps, workspaceId);
    return c.json(
      {
        computedAt: found?.computedAt.toISOString() ?? null,
        completedTests: found?.completedTests ?? 0,
        figures: found?.figures ?? null,
      },
      200,
    );
  },
});
