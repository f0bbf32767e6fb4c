import type { Db } from '@uplift/db';
import { type BetterAuthOptions, betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { CLIENT_ADDRESS_HEADER } from './http/client-address';

export interface AuthOptions {
  secret: string;
  /** Where the browser reaches the app (the web origin, which proxies /api to this server). */
  baseURL: string;
  trustedOrigins: string[];
  secureCookies: boolean;
  /** Sign-in attempts allowed per client IP per minute (brute-force guard). */
  signInLimitPerMinute: number;
  /** Where those limits are counted (shared-rate-limits.ts: Redis, for every api process); default: this process. */
  rateLimitStorage?: NonNullable<BetterAuthOptions['rateLimit']>['customStorage'];
}

/**
 * better-auth owns sign-in, sessions and password hashing (scrypt). Session cookies are HTTP-only and
 * SameSite=Lax; Secure in production. Public sign-up is off: admins add members to their workspace.
 */
export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    database: prismaAdapter(db, { provider: 'postgresql' }),
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    // The cookie cache spares a session lookup per request; a revoked session lives at most a minute longer.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24, cookieCache: { enabled: true, maxAge: 60 } },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: options.signInLimitPerMinute } },
      ...(options.rateLimitStorage && { customStorage: options.rateLimitStorage }),
    },
    // The api sets this header from the socket, or from X-Forwarded-For when a trusted proxy sent it (app.ts).
    advanced: { useSecureCookies: options.secureCookies, ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    telemetry: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;
