import { CHANNELS, type Channel, type ChannelCapacities } from '@uplift/domain';

/** What the what-if boxes hold: a number, or '' for a box left empty. */
export type Box = number | '';
export type WhatIfDraft = Partial<Record<Channel, { unitsPerWeek: Box; maxConcurrent: Box }>>;

export const draftOf = (channels: ChannelCapacities): WhatIfDraft =>
  Object.fromEntries(CHANNELS.flatMap((c) => (channels[c] ? [[c, { ...channels[c] }]] : [])));

/** A number typed in a box, or '' when it holds none. */
export function boxValue(value: number | string): Box {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : '';
}

/**
 * The capacities the plan is drawn with: a channel with an empty box has none (cleared), so the scheduler names
 * it when an item needs it; a number ≤ 0 is passed on for the scheduler to name the field the same way.
 */
export function capacitiesOf(draft: WhatIfDraft): ChannelCapacities {
  const channels: ChannelCapacities = {};
  for (const channel of CHANNELS) {
    const boxes = draft[channel];
    if (boxes && boxes.unitsPerWeek !== '' && boxes.maxConcurrent !== '') {
      channels[channel] = { unitsPerWeek: boxes.unitsPerWeek, maxConcurrent: boxes.maxConcurrent };
    }
  }
  return channels;
}
