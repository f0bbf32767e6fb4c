import { z } from 'zod';
import { CHANNELS } from '../enums';
import { ZRoiFields } from '../roi';
import { int4, text } from '../zod-safe';
import { type ChannelCapacities, ZChannelCapacities, ZMaxTestWeeks } from './capacity';

const when = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.issues.push({ code: 'custom', input: value, message: 'must be a date, e.g. 2026-01-15T09:00:00Z' });
    return z.NEVER;
  }
  return date;
});

/** How messages name an item (a missing capacity names the item that needs it); its id when it has none. */
const itemTitle = text('must be a string').max(200, 'must be at most 200 characters').optional();

/** A started experiment: it keeps its slot until its remaining units have arrived. */
export const ZRoadmapRunning = z.object({
  id: text().min(1, 'is required'),
  title: itemTitle,
  channel: z.enum(CHANNELS),
  remainingUnits: z.number('must be a number').min(0, 'must be ≥ 0').max(1e12, 'must be at most 1e12'),
});
export type RoadmapRunning = z.infer<typeof ZRoadmapRunning>;

/** An approved hypothesis, or a draft experiment not yet started (it brings its `plannedUsers`). */
export const ZRoadmapHypothesis = z.object({
  id: text().min(1, 'is required'),
  title: itemTitle,
  channel: z.enum(CHANNELS),
  baselineRate: ZRoiFields.shape.baselineRate,
  expectedLift: ZRoiFields.shape.expectedLift,
  /** Calibrated when the workspace has it, else the author's; the cost of delay per month. */
  expectedMonthlyGain: z.number('must be a number'),
  roi: z.number('must be a number'),
  createdAt: when,
  pinnedRank: z.number('must be a number').int('must be a whole number').min(1, 'must be ≥ 1').nullish(),
  plannedUsers: int4(undefined, 1).nullish(),
  /** Weeks an OFFLINE test runs (default 8); other channels' weeks follow from their units. */
  plannedWeeks: z.number().int('must be a whole number').min(1, 'must be ≥ 1').max(104, 'must be ≤ 104').nullish(),
});
export type RoadmapHypothesis = z.output<typeof ZRoadmapHypothesis>;

/** What `uplift roadmap` reads, and what the roadmap page hands the scheduler. */
export const ZRoadmapInput = z.object({
  channels: ZChannelCapacities,
  maxTestWeeks: ZMaxTestWeeks.optional(),
  running: z.array(ZRoadmapRunning).max(10_000).optional(),
  hypotheses: z.array(ZRoadmapHypothesis).max(10_000),
});

export interface RoadmapInput {
  channels: ChannelCapacities;
  /** Default 12. */
  maxTestWeeks?: number | undefined;
  running?: RoadmapRunning[] | undefined;
  hypotheses: RoadmapHypothesis[];
}
