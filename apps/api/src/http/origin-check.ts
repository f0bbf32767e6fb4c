import type { MiddlewareHandler } from 'hono';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF guard for cookie-authenticated tRPC mutations: a browser sends `Origin` on every POST, so one from an
 * origin other than the web's is refused (403), as better-auth refuses it on /api/auth. Requests without a
 * cookie (scripts, API keys) carry no ambient authority and pass; a cookie request without `Origin` passes
 * only when `Sec-Fetch-Site` does not say it came from another site (non-browser clients send neither).
 * Hono's `csrf` middleware checks form content types only; tRPC posts JSON, hence this small check.
 */
export const originCheck =
  (allowed: readonly string[]): MiddlewareHandler =>
  async (c, next) => {
    if (SAFE.has(c.req.method) || !c.req.header('cookie')) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const ok = origin ? allowed.includes(origin) : !site || site === 'same-origin' || site === 'none';
    if (ok) return next();
    return c.json(
      {
        error: {
          message: `Requests from ${origin ? `the origin ${origin}` : 'another site'} may not change data here; use the app at ${allowed[0]}.`,
          code: -32003,
          data: { code: 'FORBIDDEN', httpStatus: 403 },
        },
      },
      403,
      { 'cache-control': 'no-store' },
    );
  };
