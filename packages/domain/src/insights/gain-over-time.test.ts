import { describe, expect, it } from 'vitest';
import { gainOverTime } from './gain-over-time';

const month = 365.2425 / 12; // days

describe('gainOverTime', () => {
  it('accumulates each channel’s rolled-out wins month by month up to now, capped at the horizon', () => {
    const now = new Date('2026-03-15T00:00:00Z');
    const points = gainOverTime(
      [
        { channel: 'BANNER', rolledOutAt: new Date('2026-01-01T00:00:00Z'), monthlyGain: 100 },
        { channel: 'EMAIL', rolledOutAt: new Date('2026-02-01T00:00:00Z'), monthlyGain: 1_000 },
        { channel: 'EMAIL', rolledOutAt: null, monthlyGain: 0 },
      ],
      2,
      now,
    );
    expect(points.map((p) => p.at.toISOString().slice(0, 10))).toEqual(['2026-02-01', '2026-03-01', '2026-03-15']);
    const [feb, mar, today] = points;
    // 1 Feb: the banner has run 31 days; email starts that day.
    expect(feb?.byChannel).toEqual([
      { channel: 'EMAIL', gain: 0 },
      { channel: 'BANNER', gain: expect.closeTo((100 * 31) / month, 9) },
    ]);
    // 1 Mar: email has run 28 days, the banner 59.
    expect(mar?.byChannel.map((c) => c.gain)).toEqual([
      expect.closeTo((1_000 * 28) / month, 9),
      expect.closeTo((100 * 59) / month, 9),
    ]);
    // 15 Mar: email 42 days; the banner's 73 days pass its 2-month horizon, so it stops at 200.
    expect(today?.total).toBeCloseTo((1_000 * 42) / month + 200, 9);
  });

  it('is empty while nothing is rolled out', () => {
    expect(gainOverTime([{ channel: 'EMAIL', rolledOutAt: null, monthlyGain: 0 }], 12, new Date())).toEqual([]);
  });
});
