import { describe, expect, it } from 'vitest';
import { DEFAULT_REDIS_URL, parseJobsEnv } from './env';

describe('parseJobsEnv', () => {
  it('defaults REDIS_URL to the local Redis, also when empty', () => {
    expect(parseJobsEnv({})).toEqual({ REDIS_URL: DEFAULT_REDIS_URL });
    expect(parseJobsEnv({ REDIS_URL: '' })).toEqual({ REDIS_URL: DEFAULT_REDIS_URL });
  });

  it('accepts redis:// and rediss:// URLs and names a bad one', () => {
    expect(parseJobsEnv({ REDIS_URL: 'rediss://user:pw@cache:6380/2' }).REDIS_URL).toBe(
      'rediss://user:pw@cache:6380/2',
    );
    expect(() => parseJobsEnv({ REDIS_URL: 'http://cache' })).toThrow('REDIS_URL: must be a redis:// or rediss:// URL');
  });
});
