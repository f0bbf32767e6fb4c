import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { covariatesFromCsv, ZCovariatesUpload } from '@uplift/domain';
import { putCovariates } from '@uplift/services';
import { apiKey } from '../api-key';
import { body } from '../body';
import type { RestEnv } from '../env';
import { errors, ok, ZKeyParams } from '../schemas';

const MAX_COVARIATES_BYTES = 20 * 1024 * 1024;

const route = createRoute({
  method: 'put',
  path: '/v1/experiments/{key}/covariates',
  summary:
    "Each unit's pre-period value of the primary metric, for CUPED (JSON `{ covariates: [{ unit, covariate }] }` or " +
    'a `text/csv` body with unit and covariate columns); idempotent, a changed value replaces the stored one',
  'x-scopes': ['ingest'],
  middleware: [apiKey('ingest'), body(MAX_COVARIATES_BYTES, { csv: true })] as const,
  request: {
    params: ZKeyParams,
    body: {
      required: false, // required in fact; false lets the text/csv form past the JSON validator
      content: {
        'application/json': { schema: ZCovariatesUpload },
        'text/csv': { schema: z.string().describe('unit,covariate lines under a header line') },
      },
    },
  },
  responses: {
    200: ok(
      z.object({
        units: z.number().int().describe('Units in the upload'),
        changed: z.number().int().describe('Units whose covariate was new or different (the rest were already stored)'),
      }),
      'Stored; evaluation follows',
    ),
    ...errors(400, 404, 409, 413),
  },
});

export const covariates = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    const input = c.var.csv === undefined ? c.req.valid('json') : covariatesFromCsv(c.var.csv);
    const { key } = c.req.valid('param');
    return c.json(await putCovariates(c.var.deps, c.var.key.workspaceId, key, input, c.var.scope.actor), 200);
  },
});
