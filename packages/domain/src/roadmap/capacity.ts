import { z } from 'zod';
import { CHANNELS, type Channel } from '../enums';

/**
 * How much of a channel's traffic may be tested (README, "Channel capacity"): email
 * recipients, banner visitors or offline stores per week, split evenly over the tests that run side by side.
 */
export const ZChannelCapacity = z
  .object({
    unitsPerWeek: z
      .number('must be a number')
      .gt(0, 'must be > 0 (the units per week that may be tested)')
      .max(1e12, 'must be at most 1e12'),
    maxConcurrent: z
      .number('must be a number')
      .int('must be a whole number')
      .min(1, 'must be ≥ 1 (the tests that can run side by side)')
      .max(1000, 'must be at most 1000'),
  })
  .strict();
export type ChannelCapacity = z.infer<typeof ZChannelCapacity>;

/** Capacity per channel; a channel left out has none set. */
export const ZChannelCapacities = z.partialRecord(z.enum(CHANNELS), ZChannelCapacity);
export type ChannelCapacities = Partial<Record<Channel, ChannelCapacity>>;

/** A settings change: the channels named are set, `null` clears one, the others keep theirs. */
export const ZCapacityUpdate = z.partialRecord(z.enum(CHANNELS), ZChannelCapacity.nullable());
export type CapacityUpdate = z.infer<typeof ZCapacityUpdate>;

/** The workspace's JSON column; an empty column reads as no capacity set. */
export const ZStoredCapacity = ZChannelCapacities.nullish().transform((c): ChannelCapacities => c ?? {});

/** The longest test the roadmap plans before calling an idea too small to detect (issue 13). */
export const DEFAULT_MAX_TEST_WEEKS = 12;
export const ZMaxTestWeeks = z
  .number('must be a number')
  .int('must be a whole number of weeks')
  .min(1, 'must be 1–104 weeks')
  .max(104, 'must be 1–104 weeks');

export function mergeCapacity(current: ChannelCapacities, update: CapacityUpdate): ChannelCapacities {
  const next: ChannelCapacities = { ...current };
  for (const channel of CHANNELS) {
    const change = update[channel];
    if (change === null) delete next[channel];
    else if (change !== undefined) next[channel] = change;
  }
  return next;
}

/** Units one test gets per week: each of `maxConcurrent` tests runs on its own share of the traffic. */
export const slotRate = (capacity: ChannelCapacity) => capacity.unitsPerWeek / capacity.maxConcurrent;

/** Whole weeks for `units` at one slot's rate; computed as units·k/U so whole inputs divide exactly. */
export const weeksFor = (units: number, capacity: ChannelCapacity) =>
  Math.ceil((units * capacity.maxConcurrent) / capacity.unitsPerWeek);
