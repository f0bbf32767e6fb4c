import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Auth } from './auth';
import type { Context, Deps } from './context';
import { health } from './health';
import { type AccountLimit, accountSignInLimit } from './http/account-limit';
import { authBodyLimit, trpcBodyLimit } from './http/body-limits';
import { CLIENT_ADDRESS_HEADER, clientAddress, proxySet } from './http/client-address';
import { originCheck } from './http/origin-check';
import { explainRateLimit } from './http/retry-after';
import { createV1 } from './rest/v1';
import { appRouter } from './router';

const NO_STORE = { 'cache-control': 'no-store' };

export interface HttpOptions {
  /** Peers whose X-Forwarded-For is believed (addresses or CIDR ranges): the web server, a load balancer. */
  trustedProxies: readonly string[];
  /** Sign-in attempts per account, whatever the address (better-auth limits per address). */
  accountSignIns: AccountLimit;
}
export const DEFAULT_HTTP: HttpOptions = {
  trustedProxies: ['127.0.0.1', '::1'],
  accountSignIns: { max: 10, windowSeconds: 15 * 60 },
};

/** The api's one HTTP stack: /healthz, better-auth under /api/auth, tRPC under /trpc, REST under /v1. */
export function createApp(deps: Deps, auth: Auth, options: Partial<HttpOptions> = {}) {
  const { trustedProxies, accountSignIns } = { ...DEFAULT_HTTP, ...options };
  const proxies = proxySet(trustedProxies);
  // The origins better-auth trusts for its own POSTs are the ones allowed to send cookie-borne mutations.
  const origins = Array.isArray(auth.options.trustedOrigins) ? auth.options.trustedOrigins : [];
  const app = new Hono();
  // A JSON api: nothing here may be framed, sniffed or leak a referrer.
  app.use(secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }));
  app.all('/healthz', async (c) => {
    const { httpStatus, body } = await health(deps).catch((error) => ({
      httpStatus: 503 as const,
      body: { status: 'degraded', error: String(error) },
    }));
    return c.json(body, httpStatus as 200 | 503, NO_STORE);
  });
  app.use('/api/auth/*', authBodyLimit);
  app.post('/api/auth/sign-in/email', accountSignInLimit(deps, accountSignIns));
  app.all('/api/auth/*', async (c) => {
    // better-auth limits per address from this header alone, which only the api sets (see clientAddress).
    c.req.raw.headers.set(CLIENT_ADDRESS_HEADER, clientAddress(c, proxies));
    return explainRateLimit(await auth.handler(c.req.raw), c.req.path);
  });
  app.use('/trpc/*', requestId(), trpcBodyLimit, originCheck(origins));
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: async ({ req }, c) => {
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
        return { ...context, requestId: c.get('requestId') };
      },
      onError: ({ error, path, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          // The client got a sentence and this id (trpc.ts errorFormatter); the details stay here.
          deps.log.error(`trpc ${path ?? '?'}: internal error`, {
            requestId: (ctx as { requestId?: string } | undefined)?.requestId,
            error: String(error.cause ?? error),
          });
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
