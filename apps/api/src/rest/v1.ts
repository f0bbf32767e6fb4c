import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Deps } from '../context';
import type { RestEnv } from './env';
import { HttpError, invalidInput, toHttpError } from './errors';
import { assign } from './routes/assign';
import { covariates } from './routes/covariates';
import { events } from './routes/events';
import { experimentsCreate } from './routes/experiments-create';
import { experimentsGet } from './routes/experiments-get';
import { experimentsList } from './routes/experiments-list';
import { hypotheses } from './routes/hypotheses';
import { insights } from './routes/insights';
import { learnings } from './routes/learnings';
import { locations } from './routes/locations';
import { offers } from './routes/offers';
import { promotions } from './routes/promotions';
import { report } from './routes/report';
import { results } from './routes/results';

const ROUTES = [
  assign,
  events,
  report,
  locations,
  covariates,
  experimentsList,
  experimentsCreate,
  experimentsGet,
  results,
  hypotheses,
  offers,
  promotions,
  insights,
  learnings,
] as const;

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Uplift REST API',
    version: '1',
    description:
      'For email tools, websites and stores. Authenticate with a workspace API key: `Authorization: Bearer <key>`.',
  },
  servers: [{ url: '/' }],
  security: [{ apiKey: [] }],
};

const patternOf = (path: string) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
const KNOWN = ROUTES.map(({ route }) => ({ method: route.method.toUpperCase(), pattern: patternOf(route.path) }));

/** A /v1 path no route answers: 405 naming the methods if the path is known, else 404 naming the document. */
function unrouted(c: Context<RestEnv>): never {
  const allowed = KNOWN.filter((k) => k.pattern.test(c.req.path)).map((k) => k.method);
  if (!allowed.length) throw new HttpError(404, `No route for ${c.req.method} ${c.req.path}; see /v1/openapi.json.`);
  const allow = allowed.join(', ');
  throw new HttpError(405, `${c.req.method} is not allowed on ${c.req.path}; use ${allow}.`, undefined, { allow });
}

/** The REST surface for email tools, websites and stores: `/v1/*`, authenticated by workspace API keys. */
export function createV1(deps: Deps) {
  const app = new OpenAPIHono<RestEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidInput(result.error);
    },
  });
  app.use('/v1/*', requestId(), async (c, next) => {
    c.set('deps', deps);
    c.header('cache-control', 'no-store');
    await next();
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A workspace API key (upl_…)',
  });
  app.openapiRoutes(ROUTES);
  app.doc31('/v1/openapi.json', DOCUMENT);
  app.all('/v1/*', unrouted);
  app.onError((error, c) => {
    const http =
      error instanceof HTTPException
        ? new HttpError(error.status, error.message)
        : toHttpError(error, deps.log, c.var.requestId);
    return c.json({ error: http.message, issues: http.issues }, http.status as 400, http.headers);
  });
  return app;
}
