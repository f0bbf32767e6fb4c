import { describe, expect, it } from 'vitest';
import { loadApiEnv } from './env';

const base = { SESSION_SECRET: '0123456789abcdef0123456789abcdef0123' };

describe('WEBHOOK_ALLOW_PRIVATE in the api environment', () => {
  it('is off unless set to exactly true', () => {
    expect(loadApiEnv(base).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(loadApiEnv({ ...base, WEBHOOK_ALLOW_PRIVATE: '' }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(loadApiEnv({ ...base, WEBHOOK_ALLOW_PRIVATE: 'false' }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(loadApiEnv({ ...base, WEBHOOK_ALLOW_PRIVATE: 'true' }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
  });

  it('refuses anything else with a line naming it', () => {
    expect(() => loadApiEnv({ ...base, WEBHOOK_ALLOW_PRIVATE: '1' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE: must be true or false/,
    );
  });
});
