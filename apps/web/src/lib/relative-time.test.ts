import { describe, expect, it } from 'vitest';
import { formatAgo } from './relative-time';

const now = new Date('2026-12-02T12:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms);

describe('formatAgo', () => {
  it('reads under a minute, and a clock slightly ahead, as just now', () => {
    expect(formatAgo(before(59_999), now)).toBe('just now');
    expect(formatAgo(before(-5_000), now)).toBe('just now');
  });

  it('uses the largest whole unit', () => {
    expect(formatAgo(before(60_000), now)).toBe('1 minute ago');
    expect(formatAgo(before(3 * 60_000 + 59_000), now)).toBe('3 minutes ago');
    expect(formatAgo(before(2 * 3_600_000), now)).toBe('2 hours ago');
    expect(formatAgo(before(86_400_000), now)).toBe('yesterday');
    expect(formatAgo(before(3 * 86_400_000).toISOString(), now)).toBe('3 days ago');
  });
});
