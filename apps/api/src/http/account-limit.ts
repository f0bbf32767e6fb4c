import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../context';
import { countInWindow, secondsLeft } from './redis-window';
import { waitPhrase } from './retry-after';

export interface AccountLimit {
  /** Sign-in attempts allowed per account (email) per window, from any number of addresses. */
  max: number;
  windowSeconds: number;
}

/** The email a sign-in names, lower-cased; null when the body does not say (better-auth answers that). */
async function emailOf(req: Request): Promise<string | null> {
  try {
    const body = (await req.clone().json()) as { email?: unknown };
    return typeof body.email === 'string' ? body.email.trim().toLowerCase() : null;
  } catch {
    return null; // not JSON: better-auth refuses it with its own 400
  }
}

/**
 * better-auth limits sign-in per address only; this limits it per account too, so a password guesser with many
 * addresses still gets `max` tries per window. A fixed window in Redis, shared by every api process.
 */
export const accountSignInLimit =
  (deps: Deps, limit: AccountLimit): MiddlewareHandler =>
  async (c, next) => {
    const email = await emailOf(c.req.raw);
    if (!email) return next();
    const key = `${deps.queuePrefix}:sign-in:${createHash('sha256').update(email).digest('hex')}`;
    let attempts: number;
    let msLeft: number;
    try {
      ({ count: attempts, msLeft } = await countInWindow(deps.redis, key, limit.windowSeconds * 1000));
    } catch (error) {
      // Redis down: the per-address limit still holds (each process counts it); /healthz reports Redis.
      deps.log.warn('sign-in: the per-account limit is not counted (Redis unavailable)', { error: String(error) });
      return next();
    }
    if (attempts <= limit.max) return next();
    const ttl = secondsLeft(msLeft);
    return c.json(
      {
        code: 'TOO_MANY_ATTEMPTS',
        message: `Too many sign-in attempts for this account; try again in ${waitPhrase(ttl)}.`,
      },
      429,
      { 'retry-after': String(ttl), 'cache-control': 'no-store' },
    );
  };
