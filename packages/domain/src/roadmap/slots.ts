import type { Channel } from '../enums';
import { DomainError } from '../errors';
import type { ChannelCapacities, ChannelCapacity } from './capacity';

/** Where and when an item runs: weeks are whole and `endWeek` is exclusive. */
export interface Placement {
  slot: number;
  startWeek: number;
  endWeek: number;
}

/**
 * List scheduling: the item takes the slot that frees first, the lowest index on ties, and holds it for
 * `weeks`. `freeAt[i]` is the week slot i is free from; it is advanced in place.
 */
export function takeSlot(freeAt: number[], weeks: number): Placement {
  let slot = 0;
  for (let i = 1; i < freeAt.length; i++) if ((freeAt[i] as number) < (freeAt[slot] as number)) slot = i;
  const startWeek = freeAt[slot] as number;
  const endWeek = startWeek + weeks;
  freeAt[slot] = endWeek;
  return { slot, startWeek, endWeek };
}

/**
 * The capacity an item's channel must have; a missing or non-positive one names the field to set, and the item
 * that needs it by its title (its id when it has none: a person reads this, in the app or the CLI).
 */
export function requireCapacity(
  channels: ChannelCapacities,
  { id, title, channel }: { id: string; title?: string | undefined; channel: Channel },
): ChannelCapacity {
  const capacity = channels[channel];
  const field = `channels.${channel}`;
  if (!capacity) {
    throw new DomainError(
      'BAD_INPUT',
      `${field}: no capacity is set, but "${title ?? id}" runs on ${channel}; set its unitsPerWeek and maxConcurrent`,
      field,
    );
  }
  if (!(capacity.unitsPerWeek > 0) || !Number.isFinite(capacity.unitsPerWeek)) {
    throw new DomainError('BAD_INPUT', `${field}.unitsPerWeek: must be > 0`, `${field}.unitsPerWeek`);
  }
  if (!(capacity.maxConcurrent >= 1) || !Number.isInteger(capacity.maxConcurrent)) {
    throw new DomainError('BAD_INPUT', `${field}.maxConcurrent: must be a whole number ≥ 1`, `${field}.maxConcurrent`);
  }
  return capacity;
}
