import { z } from 'zod';
import { ROUTES } from './v1';

const ZError = z.object({
  error: z.string().describe('One sentence saying what is wrong and what to do'),
  issues: z.array(z.object({ index: z.number().int().optional(), field: z.string(), message: z.string() })).optional(),
});

let cached: unknown;

/**
 * The OpenAPI 3.1 document of `/v1`, built from the same zod schemas that validate requests (zod's own
 * JSON Schema output; OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
export function openApiDocument() {
  cached ??= build();
  return cached;
}

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

function build() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = route.query
      ? Object.entries(route.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: schema(s as z.ZodType),
        }))
      : [];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      summary: route.summary,
      security: [{ apiKey: [] }],
      'x-scopes': ([] as string[]).concat(route.scope),
      parameters: [...params, ...query],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.body) } } } }
        : {}),
      responses: {
        [route.status]: { description: 'Success', content: { 'application/json': { schema: {} } } },
        ...Object.fromEntries(
          [
            ['400', 'Invalid input: every bad field is listed; nothing was stored'],
            ['401', 'Missing, unknown or revoked API key'],
            ['403', 'The key lacks the scope'],
            ['404', "Unknown experiment (or another workspace's)"],
            ...(route.method === 'GET' ? [] : [['409', 'Conflict with the current state']]),
            ...(route.path === '/v1/events' ? [['413', 'More than 10,000 events or 5 MB']] : []),
          ].map(([code, description]) => [
            code,
            { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Uplift REST API',
      version: '1',
      description:
        'For email tools, websites and stores. Authenticate with a workspace API key: `Authorization: Bearer <key>`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key (upl_…)' } },
      schemas: { Error: schema(ZError) },
    },
    paths,
  };
}
