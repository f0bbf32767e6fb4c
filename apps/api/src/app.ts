import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import type { Auth } from './auth';
import type { Context, Deps } from './context';
import { health } from './health';
import { createV1 } from './rest/v1';
import { appRouter } from './router';

const NO_STORE = { 'cache-control': 'no-store' };

/** The api's one HTTP stack: /healthz, better-auth under /api/auth, tRPC under /trpc, REST under /v1. */
export function createApp(deps: Deps, auth: Auth) {
  const app = new Hono();
  app.all('/healthz', async (c) => {
    const { httpStatus, body } = await health(deps).catch((error) => ({
      httpStatus: 503 as const,
      body: { status: 'degraded', error: String(error) },
    }));
    return c.json(body, httpStatus as 200 | 503, NO_STORE);
  });
  app.all('/api/auth/*', (c) => auth.handler(c.req.raw));
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: async ({ req }) => {
        const session = await auth.api.getSession({ headers: req.headers }).catch((error) => {
          deps.log.warn('trpc: could not read the session; treating the caller as signed out', {
            error: String(error),
          });
          return null;
        });
        const context: Context = {
          deps,
          user: session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null,
          workspaceSlug: req.headers.get('x-workspace') || null,
        };
        return { ...context };
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.log.error(`trpc ${path ?? '?'}: internal error`, { error: String(error.cause ?? error) });
        }
      },
    }),
  );
  app.route('/', createV1(deps));
  app.notFound((c) => c.json({ error: `No route for ${c.req.method} ${c.req.path}` }, 404, NO_STORE));
  app.onError((error, c) => {
    deps.log.error(`api ${c.req.method} ${c.req.path}: internal error`, { error: String(error) });
    return c.json({ error: 'Internal error; it has been logged.' }, 500, NO_STORE);
  });
  return app;
}
