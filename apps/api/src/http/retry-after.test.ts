import { describe, expect, it } from 'vitest';
import { explainRateLimit, waitPhrase } from './retry-after';

describe('waitPhrase', () => {
  it('says seconds below a minute and whole minutes, rounded up, from there', () => {
    expect([0, 1, 2, 59, 59.2, 60, 61, 120, 900].map(waitPhrase)).toEqual([
      '1 second',
      '1 second',
      '2 seconds',
      '59 seconds',
      '1 minute',
      '1 minute',
      '2 minutes',
      '2 minutes',
      '15 minutes',
    ]);
  });
});

describe('explainRateLimit', () => {
  const limited = (retryAfter?: string) =>
    new Response(JSON.stringify({ message: 'Too many requests. Please try again later.' }), {
      status: 429,
      headers: retryAfter ? { 'X-Retry-After': retryAfter } : {},
    });

  it("turns better-auth's 429 into a sentence saying when to retry, with Retry-After", async () => {
    const res = explainRateLimit(limited('42'), '/api/auth/sign-in/email');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('42');
    expect(await res.json()).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many sign-in attempts from this address; try again in 42 seconds.',
    });
    const other = (await explainRateLimit(limited('75'), '/api/auth/get-session').json()) as { message: string };
    expect(other.message).toBe('Too many requests from this address; try again in 2 minutes.');
    expect(explainRateLimit(limited(), '/api/auth/sign-in/email').headers.get('retry-after')).toBe('60');
  });

  it('leaves every other answer alone', () => {
    const ok = new Response('{}', { status: 401 });
    expect(explainRateLimit(ok, '/api/auth/sign-in/email')).toBe(ok);
  });
});
