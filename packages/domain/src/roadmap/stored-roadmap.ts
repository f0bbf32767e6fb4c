import { z } from 'zod';
import { CHANNELS } from '../enums';
import { DomainError } from '../errors';
import type { RoadmapInput } from './roadmap-input';
import { type Roadmap, scheduleRoadmap } from './schedule';

/** The plan, or the channel whose capacity is missing or unusable (scheduleRoadmap names it). */
export type RoadmapPlan =
  | { roadmap: Roadmap; missing: null }
  | { roadmap: null; missing: { field: string; message: string } };

/**
 * scheduleRoadmap with a channel without capacity as an answer rather than an error: the page's what-if and
 * the worker's stored plan both show the sentence naming the channel to set.
 */
export function planRoadmap(input: RoadmapInput): RoadmapPlan {
  try {
    return { roadmap: scheduleRoadmap(input), missing: null };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_INPUT') {
      return { roadmap: null, missing: { field: error.field ?? 'channels', message: error.message } };
    }
    throw error;
  }
}

const week = z.number().int().min(0);
const ZPlaced = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  slot: z.number().int().min(0),
  startWeek: week,
  endWeek: week,
  weeks: week,
  requiredUnits: z.number(),
});
const ZRoadmap = z.object({
  scheduled: z.array(ZPlaced.extend({ score: z.number() })),
  running: z.array(ZPlaced),
  tooSmall: z.array(z.object({ id: z.string(), detectableLift: z.number().nullable() })),
  unschedulable: z.array(z.object({ id: z.string(), reason: z.string() })),
  quarter: z.object({ fits: z.number().int(), weeksOfBacklog: z.number().int() }),
});

/**
 * The plan the worker stores (roadmap.recompute), with the hypothesis each item belongs to (a draft
 * experiment is planned under its own id).
 */
export const ZStoredRoadmap = z.object({
  plan: z.union([
    z.object({ roadmap: ZRoadmap, missing: z.null() }),
    z.object({ roadmap: z.null(), missing: z.object({ field: z.string(), message: z.string() }) }),
  ]),
  hypothesisOf: z.record(z.string(), z.string()),
});
export type StoredRoadmap = { plan: RoadmapPlan; hypothesisOf: Record<string, string> };

/** Where the stored plan puts an idea: its start week, or why it has none. */
export type PlannedStart =
  | { kind: 'scheduled'; startWeek: number; endWeek: number }
  | { kind: 'tooSmall'; detectableLift: number | null }
  | { kind: 'unschedulable'; reason: string }
  | { kind: 'noCapacity'; message: string };

/** Each planned hypothesis' start by hypothesis id; without a plan (a capacity missing) each says so. */
export function plannedStarts(stored: StoredRoadmap): Record<string, PlannedStart> {
  const starts: Record<string, PlannedStart> = {};
  const put = (itemId: string, start: PlannedStart) => {
    starts[stored.hypothesisOf[itemId] ?? itemId] = start;
  };
  const { roadmap, missing } = stored.plan;
  if (!roadmap) {
    for (const itemId of Object.keys(stored.hypothesisOf))
      put(itemId, { kind: 'noCapacity', message: missing.message });
    return starts;
  }
  for (const s of roadmap.scheduled) put(s.id, { kind: 'scheduled', startWeek: s.startWeek, endWeek: s.endWeek });
  for (const t of roadmap.tooSmall) put(t.id, { kind: 'tooSmall', detectableLift: t.detectableLift });
  for (const u of roadmap.unschedulable) put(u.id, { kind: 'unschedulable', reason: u.reason });
  return starts;
}
