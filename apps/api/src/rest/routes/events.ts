import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import { MAX_BATCH_BYTES, MAX_EVENTS_PER_BATCH, ZEventsBatch } from '@uplift/domain';
import { BatchRejected, ingestBatch } from '@uplift/services';
import { apiKey } from '../api-key';
import { body } from '../body';
import { compiledBody } from '../compiled-body';
import type { RestEnv } from '../env';
import { HttpError, invalidInput } from '../errors';
import { errors, ok } from '../schemas';

const route = createRoute({
  method: 'post',
  path: '/v1/events',
  summary: 'Ingest exposures and conversions (idempotent by event id; all or nothing)',
  description: `At most ${MAX_EVENTS_PER_BATCH.toLocaleString('en')} events and ${MAX_BATCH_BYTES / 1024 / 1024} MB a batch; beyond, 413.`,
  'x-scopes': ['ingest'],
  middleware: [apiKey('ingest'), body(MAX_BATCH_BYTES)] as const,
  request: { body: { required: true, content: { 'application/json': { schema: compiledBody(ZEventsBatch) } } } },
  responses: {
    202: ok(
      z.object({
        accepted: z.number().int().describe('Events stored now'),
        duplicates: z.number().int().describe('Events whose id was already stored (a replay)'),
        unattributed: z.number().int().describe('Conversions of units not exposed yet: kept, not counted'),
      }),
      'Stored',
    ),
    ...errors(400, 404, 409, 413),
  },
});

export const events = defineOpenAPIRoute<typeof route, RestEnv>({
  route,
  handler: async (c) => {
    try {
      return c.json(await ingestBatch(c.var.deps, c.var.key.workspaceId, c.req.valid('json')), 202);
    } catch (error) {
      if (error instanceof BatchRejected) throw new HttpError(error.status, error.message, error.issues);
      throw error;
    }
  },
  // More events than a batch may hold is "too large", like more bytes (the README's and the document's word).
  hook: (result) => {
    if (result.success) return;
    const tooMany = result.error.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'events');
    throw invalidInput(result.error, tooMany ? 413 : 400);
  },
});
