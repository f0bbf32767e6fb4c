import { describe, expect, it } from 'vitest';
import { parseWorkerEnv } from './env';

describe('parseWorkerEnv', () => {
  it('fills in the defaults', () => {
    expect(parseWorkerEnv({})).toEqual({
      QUEUE_PREFIX: 'uplift',
      WORKER_LOCK_MS: 30_000,
      UPLIFT_TEST_EVALUATION_PAUSE_MS: 0,
      WEBHOOK_ALLOW_PRIVATE: false,
      LOG_LEVEL: 'info',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('accepts a lock of 500 ms, not 499', () => {
    expect(parseWorkerEnv({ WORKER_LOCK_MS: '500' }).WORKER_LOCK_MS).toBe(500);
    expect(() => parseWorkerEnv({ WORKER_LOCK_MS: '499' })).toThrow('WORKER_LOCK_MS: must be ≥ 500 (got "499")');
  });

  it('fails with one line naming the bad variable', () => {
    expect(() => parseWorkerEnv({ WORKER_LOCK_MS: 'soon' })).toThrow(/^WORKER_LOCK_MS: /);
    expect(() => parseWorkerEnv({ UPLIFT_TEST_EVALUATION_PAUSE_MS: '-1' })).toThrow(
      /^UPLIFT_TEST_EVALUATION_PAUSE_MS: /,
    );
    expect(() => parseWorkerEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(() => parseWorkerEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/^REDIS_URL: /);
    expect(() => parseWorkerEnv({ QUEUE_PREFIX: 'a b' })).toThrow(/^QUEUE_PREFIX: /);
  });

  it('reads the pause hook and treats empty values as unset', () => {
    expect(parseWorkerEnv({ UPLIFT_TEST_EVALUATION_PAUSE_MS: '8000', WORKER_LOCK_MS: '' })).toMatchObject({
      UPLIFT_TEST_EVALUATION_PAUSE_MS: 8000,
      WORKER_LOCK_MS: 30_000,
    });
  });

  it('keeps raw events unless RAW_EVENT_RETENTION_DAYS is a whole number of days ≥ 1', () => {
    expect(parseWorkerEnv({}).RAW_EVENT_RETENTION_DAYS).toBeUndefined();
    expect(parseWorkerEnv({ RAW_EVENT_RETENTION_DAYS: '90' }).RAW_EVENT_RETENTION_DAYS).toBe(90);
    expect(() => parseWorkerEnv({ RAW_EVENT_RETENTION_DAYS: '0' })).toThrow(
      'RAW_EVENT_RETENTION_DAYS: must be ≥ 1 (got "0")',
    );
    expect(() => parseWorkerEnv({ RAW_EVENT_RETENTION_DAYS: '1.5' })).toThrow(/^RAW_EVENT_RETENTION_DAYS: /);
  });

  it('allows private webhook targets only when WEBHOOK_ALLOW_PRIVATE is exactly true', () => {
    expect(parseWorkerEnv({ WEBHOOK_ALLOW_PRIVATE: 'true' }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(parseWorkerEnv({ WEBHOOK_ALLOW_PRIVATE: 'false' }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(parseWorkerEnv({ WEBHOOK_ALLOW_PRIVATE: '' }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(() => parseWorkerEnv({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(
      /^WEBHOOK_ALLOW_PRIVATE: must be true or false/,
    );
  });

  it('reads LOG_LEVEL and refuses a level it does not know, naming the ones it does', () => {
    expect(parseWorkerEnv({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
    expect(() => parseWorkerEnv({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL: must be debug, info, warn or error (got "verbose")',
    );
  });
});
