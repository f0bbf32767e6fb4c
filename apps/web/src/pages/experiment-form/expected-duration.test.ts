import { describe, expect, it } from 'vitest';
import { expectedDuration } from './expected-duration';

describe('expectedDuration', () => {
  it('divides the planned users by one test slot of the channel, rounding up to whole weeks', () => {
    // 12,000 recipients a week over 4 parallel tests: 3,000 a week each; 10,000 users take 4 weeks.
    expect(expectedDuration(10_000, 'EMAIL', { unitsPerWeek: 12_000, maxConcurrent: 4 })).toEqual({
      known: true,
      text: '≈ 4 weeks at 3,000 recipients a week',
    });
    expect(expectedDuration(3_000, 'BANNER', { unitsPerWeek: 3_000, maxConcurrent: 1 })?.text).toBe(
      '≈ 1 week at 3,000 visitors a week',
    );
  });
  it('asks for the capacity when the channel has none, and says nothing without a planned number', () => {
    expect(expectedDuration(10_000, 'SMS', undefined)).toEqual({
      known: false,
      text: 'Set this channel’s capacity in settings to see how long the test will run.',
    });
    expect(expectedDuration(null, 'EMAIL', { unitsPerWeek: 1, maxConcurrent: 1 })).toBeNull();
  });
});
