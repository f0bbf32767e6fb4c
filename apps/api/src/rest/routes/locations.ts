import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { LOCATION_METHODS, rowsFromCsv, text, ZLocationMethod, ZLocationsUpload, ZPlannedWeeks } from '@uplift/domain';
import { putLocations } from '@uplift/services';
import { apiKey } from '../api-key';
import { body } from '../body';
import type { RestEnv } from '../env';
import { errors, ok, ZKeyParams } from '../schemas';

const MAX_LOCATIONS_BYTES = 20 * 1024 * 1024;

const ZSplit = z.object({
  treatment: z.array(z.string()),
  holdout: z.array(z.string()),
  balance: z.object({ treatmentMean: z.number(), holdoutMean: z.number(), standardizedDifference: z.number() }),
  seed: z.string(),
  start: z.string(),
  plannedWeeks: z.number().int().optional().describe('Weekly looks the test is planned for; absent means 8'),
  method: z
    .enum(LOCATION_METHODS)
    .describe('How the worker analyses the test: "auto" picks synthetic control below 5 treated locations, else DiD'),
  chosen: z.boolean().optional().describe('The treatment was the `treatment` list sent (a planned set), not drawn'),
});

const route = createRoute({
  method: 'put',
  path: '/v1/experiments/{key}/locations',
  summary:
    'Weekly sales per location of an offline location test (JSON `{ rows, start?, seed?, holdoutShare?, plannedWeeks?, method?, treatment? }` ' +
    'or a `text/csv` body with location, week, sales columns; `?start=YYYY-MM-DD&plannedWeeks=N&method=did|synthetic|auto' +
    '&holdoutShare=0.5&treatment=S1,S2`); ' +
    'the first upload proposes the stratified treatment/holdout split and fixes the planned weeks and the method',
  'x-scopes': ['ingest'],
  middleware: [apiKey('ingest'), body(MAX_LOCATIONS_BYTES, { csv: true })] as const,
  request: {
    params: ZKeyParams,
    query: z.object({
      start: text()
        .max(10, 'must be a date written YYYY-MM-DD')
        .optional()
        .describe('CSV uploads: the first day of the treatment, YYYY-MM-DD'),
      seed: text()
        .max(200, 'must be at most 200 characters')
        .optional()
        .describe('CSV uploads: the seed of the stratified split'),
      plannedWeeks: z.coerce
        .number()
        .pipe(ZPlannedWeeks)
        .optional()
        .describe('CSV uploads: the weekly looks the test is planned for (default 8)'),
      method: ZLocationMethod.optional().describe(
        'CSV uploads: "did", "synthetic" or "auto" (default: synthetic control below 5 treated locations)',
      ),
      holdoutShare: z.coerce.number('must be a number').optional().openapi({
        type: 'number',
        description: 'CSV uploads: the share of locations held out of the stratified split (default 0.5)',
      }),
      treatment: z
        .union([text(), z.array(text())])
        .optional()
        .transform((v) =>
          v === undefined
            ? undefined
            : [v]
                .flat()
                .flatMap((s) => s.split(','))
                .map((s) => s.trim())
                .filter(Boolean),
        )
        .openapi({
          type: 'array',
          items: { type: 'string' },
          description:
            'CSV uploads: the treatment locations, chosen (say from a location plan) instead of the stratified split; ' +
            'repeated (`?treatment=S1&treatment=S2`) or comma-separated',
        }),
    }),
    body: {
      required: false, // required in fact; false lets the text/csv form past the JSON validator
      content: {
        'application/json': { schema: ZLocationsUpload },
        'text/csv': { schema: z.string().describe('location,week,sales lines under a header line') },
      },
    },
  },
  responses: {
    200: ok(z.object({ rows: z.number().int(), split: ZSplit }), 'Stored; the split proposed by the first upload'),
    ...errors(400, 404, 409, 413),
  },
});

export const locations = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const csv = c.var.csv;
    const { start, seed, plannedWeeks, method, holdoutShare, treatment } = c.req.valid('query');
    const input =
      csv === undefined
        ? c.req.valid('json')
        : {
            rows: rowsFromCsv(csv),
            ...(start ? { start } : {}),
            ...(seed ? { seed } : {}),
            ...(plannedWeeks ? { plannedWeeks } : {}),
            ...(method ? { method } : {}),
            ...(holdoutShare !== undefined ? { holdoutShare } : {}),
            ...(treatment !== undefined ? { treatment } : {}),
          };
    const { key } = c.req.valid('param');
    return c.json(await putLocations(c.var.deps, c.var.key.workspaceId, key, input, c.var.scope.actor), 200);
  },
});
