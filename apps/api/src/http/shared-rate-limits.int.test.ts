import { randomUUID } from 'node:crypto';
import { createRedis } from '@uplift/jobs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sharedRateLimits } from './shared-rate-limits';

const redis = createRedis('producer');
// Nothing listens on port 1: Redis away, as the api meets it when Redis is down.
const away = createRedis('producer', 'redis://127.0.0.1:1');
const warnings: string[] = [];
const log = { info: () => {}, warn: (message: string) => void warnings.push(message), error: () => {} };
beforeAll(async () => {
  // The api's producer connection fails commands until it is ready (no offline queue).
  if (redis.status !== 'ready') await new Promise((ready) => redis.once('ready', ready));
});
beforeEach(() => {
  warnings.length = 0;
});
afterAll(() => {
  redis.disconnect();
  away.disconnect();
});

describe('sharedRateLimits', () => {
  it('counts every process against one budget: the window starts at the first request', async () => {
    const queuePrefix = `${process.env.QUEUE_PREFIX ?? 'uplift-test'}-rate-${randomUUID().slice(0, 8)}`;
    // Two api processes: two storages on one Redis.
    const apis = [sharedRateLimits({ redis, queuePrefix, log }), sharedRateLimits({ redis, queuePrefix, log })];
    const rule = { window: 60, max: 3 };
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await (apis[i % 2] as (typeof apis)[0]).consume('1.2.3.4/sign-in', rule));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false, false]);
    expect(answers[3]?.retryAfter).toBeGreaterThan(0);
    expect(answers[3]?.retryAfter).toBeLessThanOrEqual(60);
    // Another address has its own budget.
    expect(await apis[0]?.consume('5.6.7.8/sign-in', rule)).toEqual({ allowed: true, retryAfter: null });
    expect(warnings).toEqual([]);
  });

  it('counts in the process when Redis is away, and says so', async () => {
    const storage = sharedRateLimits({ redis: away, queuePrefix: 'away', log });
    const rule = { window: 60, max: 2 };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await storage.consume('1.2.3.4/sign-in', rule));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, false]);
    expect(answers[2]?.retryAfter).toBeGreaterThan(55);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/counted in this process only/);
  });
});
