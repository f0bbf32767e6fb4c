import { type Channel, type ChannelCapacity, slotRate, weeksFor } from '@uplift/domain';
import { formatCount } from '../../lib/format';
import { RUNG_UNITS } from '../../lib/ladder-words';

/**
 * How long the planned users take on the channel's traffic, by the roadmap's rule (packages/domain/src/roadmap:
 * weeks = ceil(n / (unitsPerWeek / maxConcurrent))): "≈ 4 weeks at 3,000 recipients a week". Null without a
 * planned number; a sentence asking for the capacity when the channel has none.
 */
export function expectedDuration(
  plannedUsers: number | null,
  channel: Channel,
  capacity: ChannelCapacity | undefined,
): { known: boolean; text: string } | null {
  if (!plannedUsers || plannedUsers < 1) return null;
  if (!capacity) {
    return { known: false, text: 'Set this channel’s capacity in settings to see how long the test will run.' };
  }
  const weeks = weeksFor(plannedUsers, capacity);
  const rate = formatCount(Math.floor(slotRate(capacity)));
  return { known: true, text: `≈ ${weeks} week${weeks === 1 ? '' : 's'} at ${rate} ${RUNG_UNITS[channel]} a week` };
}
