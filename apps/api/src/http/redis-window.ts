import type { Redis } from 'ioredis';

// One step, atomic in Redis: count the request; the first of a window starts the window's clock.
const COUNT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

/**
 * Counts one more against `key` in a fixed window of `windowMs` that its first count starts, shared by every api
 * process: the count so far and the milliseconds left in the window. Throws when Redis is unavailable.
 */
export async function countInWindow(redis: Redis, key: string, windowMs: number) {
  const [count, msLeft] = (await redis.eval(COUNT, 1, key, windowMs)) as [number, number];
  return { count, msLeft };
}

/** Seconds to wait for the window to free up, at least 1 (a Retry-After). */
export const secondsLeft = (msLeft: number) => Math.max(1, Math.ceil(msLeft / 1000));
