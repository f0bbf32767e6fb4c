import { CHANNELS, type Channel } from '../enums';
import { monthsBetween } from './outcome';

export interface EarningTest {
  channel: Channel;
  /** When the win was rolled out; null for a test that earns nothing. */
  rolledOutAt: Date | null;
  /** R·b̂·x̃·v (realisedImpact's monthlyGain). */
  monthlyGain: number;
}

export interface GainPoint {
  at: Date;
  /** Cumulative realised gain per channel that has a rolled-out win, in CHANNELS order. */
  byChannel: { channel: Channel; gain: number }[];
  total: number;
}

/**
 * Cumulative realised gain over time, for the Insights chart: at the start of every UTC month from the first
 * rollout to `now`, and at `now`, Σ monthlyGain × min(H, months since rolledOutAt) per channel.
 */
export function gainOverTime(tests: readonly EarningTest[], horizonMonths: number, now: Date): GainPoint[] {
  const earning = tests.filter((t): t is EarningTest & { rolledOutAt: Date } => t.rolledOutAt !== null);
  const first = earning.reduce<Date | null>((min, t) => (min && min <= t.rolledOutAt ? min : t.rolledOutAt), null);
  if (!first) return [];
  const channels = CHANNELS.filter((channel) => earning.some((t) => t.channel === channel));
  const pointAt = (at: Date): GainPoint => {
    const byChannel = channels.map((channel) => ({
      channel,
      gain: earning
        .filter((t) => t.channel === channel)
        .reduce((sum, t) => sum + t.monthlyGain * Math.min(horizonMonths, monthsBetween(t.rolledOutAt, at)), 0),
    }));
    return { at, byChannel, total: byChannel.reduce((sum, c) => sum + c.gain, 0) };
  };
  const points: GainPoint[] = [];
  for (
    let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    month < now;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  ) {
    points.push(pointAt(month));
  }
  return [...points, pointAt(now)];
}
