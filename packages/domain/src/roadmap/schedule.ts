import type { Channel } from '../enums';
import { DEFAULT_MAX_TEST_WEEKS, weeksFor } from './capacity';
import { comparePriority, wsjfScore } from './priority';
import type { RoadmapHypothesis, RoadmapInput, RoadmapRunning } from './roadmap-input';
import { sizeHypothesis } from './size';
import { requireCapacity, takeSlot } from './slots';

/** The quarter the roadmap's headline counts: 13 weeks. */
export const QUARTER_WEEKS = 13;

export interface ScheduledItem {
  id: string;
  channel: Channel;
  slot: number;
  startWeek: number;
  endWeek: number;
  weeks: number;
  requiredUnits: number;
  score: number;
}

/** A running experiment's hold on a slot; `requiredUnits` is what it still needs. */
export type RunningItem = Omit<ScheduledItem, 'score'>;

export interface Roadmap {
  /** In priority order, which is the order the slots were handed out. */
  scheduled: ScheduledItem[];
  running: RunningItem[];
  tooSmall: { id: string; detectableLift: number | null }[];
  unschedulable: { id: string; reason: string }[];
  /** fits: scheduled items ending by week 13; weeksOfBacklog: the last scheduled endWeek (0 when none). */
  quarter: { fits: number; weeksOfBacklog: number };
}

/**
 * The test roadmap (issue 13, README "The test roadmap"): running experiments keep
 * slots first, in the order given; then each sized idea, pinned ones first, then by WSJF, takes the slot of
 * its channel that frees first. Throws a BAD_INPUT DomainError naming `channels.<CHANNEL>` when an item's
 * channel has no usable capacity.
 */
export function scheduleRoadmap(input: RoadmapInput): Roadmap {
  const maxTestWeeks = input.maxTestWeeks ?? DEFAULT_MAX_TEST_WEEKS;
  const freeAt = new Map<Channel, number[]>();
  const slotsOf = (item: RoadmapRunning | RoadmapHypothesis) => {
    const { channel } = item;
    const capacity = requireCapacity(input.channels, item);
    if (!freeAt.has(channel)) freeAt.set(channel, new Array<number>(capacity.maxConcurrent).fill(0));
    return { capacity, slots: freeAt.get(channel) as number[] };
  };
  for (const h of input.hypotheses) slotsOf(h); // every missing capacity fails before any work

  const running = (input.running ?? []).map((r): RunningItem => {
    const { capacity, slots } = slotsOf(r);
    const weeks = weeksFor(r.remainingUnits, capacity);
    return { id: r.id, channel: r.channel, ...takeSlot(slots, weeks), weeks, requiredUnits: r.remainingUnits };
  });

  const tooSmall: Roadmap['tooSmall'] = [];
  const unschedulable: Roadmap['unschedulable'] = [];
  const sized: (RoadmapHypothesis & { weeks: number; requiredUnits: number; score: number })[] = [];
  for (const h of input.hypotheses) {
    const sizing = sizeHypothesis(h, slotsOf(h).capacity, maxTestWeeks);
    if (sizing.kind === 'tooSmall') tooSmall.push({ id: h.id, detectableLift: sizing.detectableLift });
    else if (sizing.kind === 'unschedulable') unschedulable.push({ id: h.id, reason: sizing.reason });
    else sized.push({ ...h, ...sizing, score: wsjfScore(h.expectedMonthlyGain, sizing.weeks) });
  }

  const scheduled = sized.sort(comparePriority).map(
    (h): ScheduledItem => ({
      id: h.id,
      channel: h.channel,
      ...takeSlot(slotsOf(h).slots, h.weeks),
      weeks: h.weeks,
      requiredUnits: h.requiredUnits,
      score: h.score,
    }),
  );
  return {
    scheduled,
    running,
    tooSmall,
    unschedulable,
    quarter: {
      fits: scheduled.filter((s) => s.endWeek <= QUARTER_WEEKS).length,
      weeksOfBacklog: Math.max(0, ...scheduled.map((s) => s.endWeek)),
    },
  };
}
