import type { BetterAuthOptions } from 'better-auth';
import type { Deps } from '../context';
import { countInWindow, secondsLeft } from './redis-window';

type RateLimitStorage = NonNullable<NonNullable<BetterAuthOptions['rateLimit']>['customStorage']>;

/** A fixed window per key in this process's memory: what is left to count with while Redis is away. */
function localWindows() {
  const windows = new Map<string, { count: number; until: number }>();
  return (key: string, windowMs: number, now = Date.now()) => {
    let entry = windows.get(key);
    if (!entry || entry.until <= now) {
      if (windows.size >= 10_000) for (const [k, w] of windows) if (w.until <= now) windows.delete(k);
      entry = { count: 0, until: now + windowMs };
      windows.set(key, entry);
    }
    entry.count++;
    return { count: entry.count, msLeft: entry.until - now };
  };
}

/**
 * better-auth's request limits (per client address: sign-in attempts, and every auth route) counted in Redis,
 * so every api process behind a load balancer counts against the same budget — in memory, as better-auth keeps
 * them by default, two apis would allow twice the sign-in attempts (issue 15, "two of everything"). With Redis
 * away, each process counts on its own (logged), as the per-account limit does (account-limit.ts).
 */
export function sharedRateLimits(deps: Pick<Deps, 'redis' | 'queuePrefix' | 'log'>): RateLimitStorage {
  const local = localWindows();
  return {
    async consume(key, { window, max }) {
      const windowMs = window * 1000;
      let count: number;
      let msLeft: number;
      try {
        ({ count, msLeft } = await countInWindow(deps.redis, `${deps.queuePrefix}:auth-rate:${key}`, windowMs));
      } catch (error) {
        deps.log.warn('auth: request limits counted in this process only (Redis unavailable)', {
          error: String(error),
        });
        ({ count, msLeft } = local(key, windowMs));
      }
      if (count <= max) return { allowed: true, retryAfter: null };
      return { allowed: false, retryAfter: secondsLeft(msLeft) };
    },
  };
}
