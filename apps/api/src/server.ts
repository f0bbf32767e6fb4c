import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import type { Auth } from './auth';
import type { Deps } from './context';
import { health } from './health';
import { handleV1 } from './rest/v1';
import { appRouter } from './router';

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** One Node HTTP server: /healthz, better-auth under /api/auth, tRPC under /trpc, REST under /v1. */
export function createApiServer(deps: Deps, auth: Auth) {
  const authHandler = toNodeHandler(auth);
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: async ({ req }) => {
      const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) }).catch(() => null);
      const slug = req.headers['x-workspace'];
      return {
        deps,
        user: session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null,
        workspaceSlug: typeof slug === 'string' && slug ? slug : null,
      };
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`trpc ${path ?? '?'}:`, error.cause ?? error);
    },
  });

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url === '/healthz' || url.startsWith('/healthz?')) {
      health(deps).then(
        ({ httpStatus, body }) => send(res, httpStatus, body),
        (error) => send(res, 503, { status: 'degraded', error: String(error) }),
      );
      return;
    }
    if (url.startsWith('/api/auth')) {
      void authHandler(req, res);
      return;
    }
    if (url.startsWith('/v1/')) {
      void handleV1(deps, req, res);
      return;
    }
    if (url.startsWith('/trpc/')) {
      trpcHandler(req, res);
      return;
    }
    send(res, 404, { error: `No route for ${req.method} ${url.split('?')[0]}` });
  });
}
