import { z } from '@hono/zod-openapi';
import { text } from '@uplift/domain';
import { ZWinnerSendOut } from './winner-send-out';

export const ZError = z
  .object({
    error: z.string().describe('One sentence saying what is wrong and what to do'),
    issues: z
      .array(
        z.object({
          index: z.number().int().optional().describe('The event’s position in the batch (POST /v1/events)'),
          field: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Error');

const ERRORS = {
  400: 'Invalid input: every bad field is listed; nothing was stored',
  401: 'Missing, unknown or revoked API key',
  403: 'The key lacks the scope',
  404: "Unknown experiment (or another workspace's)",
  409: 'Conflict with the current state (e.g. a draft experiment)',
  413: 'The body is too large',
  500: 'Internal error; it has been logged',
  503: 'The database is unavailable; nothing was stored; retry after the retry-after header',
} as const;
type ErrorStatus = keyof typeof ERRORS;
type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof ZError } } };

/** The documented error answers of a route: always 401, 403, 500 and 503, plus the ones named. */
export function errors<S extends ErrorStatus>(...statuses: S[]) {
  const all = [...new Set<ErrorStatus>([...statuses, 401, 403, 500, 503])].sort();
  return Object.fromEntries(
    all.map((s) => [s, { description: ERRORS[s], content: { 'application/json': { schema: ZError } } }]),
  ) as { [K in S | 401 | 403 | 500 | 503]: ErrorResponse };
}

/** A JSON response of a route. */
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const ZKeyParams = z.object({
  key: text()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters')
    .openapi({ param: { name: 'key', in: 'path' }, description: 'The experiment key' }),
});

const ZIsoString = z.string().describe('ISO 8601 date-time');

// JSON columns as stored: the object keys the api writes, open to keys added later.
export const ZVariantOut = z.looseObject({ key: z.string(), name: z.string().optional(), weight: z.number() });
const ZMetricOut = z.looseObject({ name: z.string(), kind: z.string() });
export const ZMetricsOut = z.looseObject({
  primary: ZMetricOut,
  guardrails: z.array(z.looseObject({ name: z.string(), kind: z.string(), direction: z.string().optional() })),
});
export const ZAnalysisOut = z.looseObject({
  engine: z.string(),
  sequential: z.number().nullable(),
  alpha: z.number(),
  correction: z.string(),
  minLift: z.number().nullable().optional(),
});

export const ZExperimentOut = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    hypothesisId: z.string(),
    channel: z.string(),
    status: z.string(),
    seed: z.string(),
    variants: z.array(ZVariantOut),
    metrics: ZMetricsOut,
    analysis: ZAnalysisOut,
    plannedUsers: z.number().int(),
    segmentAttribute: z.string().nullable(),
    scopeSegments: z
      .array(z.string())
      .describe('The segments (values of segmentAttribute, else `segment`) it reaches; empty = every unit'),
    reachPerMonth: z
      .number()
      .int()
      .nullable()
      .describe("Units its rung reaches per month at full rollout (the hypothesis' reach unless set on a step up)"),
    outcome: z.string().nullable(),
    winnerSend: ZWinnerSendOut,
    startedAt: ZIsoString.nullable(),
    endedAt: ZIsoString.nullable(),
    rolledOutAt: ZIsoString.nullable().describe('When its winner went live; null unless it completed with a WIN'),
    createdAt: ZIsoString,
  })
  .openapi('Experiment');
