import { plan } from '../stats/plan';
import { type ChannelCapacity, weeksFor } from './capacity';
import type { RoadmapHypothesis } from './roadmap-input';

/** An offline test runs for the weeks it was planned for, whatever its units (issue 13). */
export const DEFAULT_OFFLINE_WEEKS = 8;

export type Sizing =
  | { kind: 'sized'; requiredUnits: number; weeks: number }
  | { kind: 'tooSmall'; detectableLift: number | null }
  | { kind: 'unschedulable'; reason: string };

/** The relative lift `plan` can detect (α 0.05, power 0.8, two variants) with the units of `weeks` weeks. */
export function detectableLiftIn(baselineRate: number, capacity: ChannelCapacity, weeks: number): number | null {
  const units = Math.floor((weeks * capacity.unitsPerWeek) / capacity.maxConcurrent);
  if (units < 2) return null; // a comparison needs a unit in each variant
  return plan({ metric: 'binomial', baseline: baselineRate, totalUsers: units }).mde;
}

/**
 * n is the draft's planned users, else exactly what `uplift plan` prints as totalUsers for the hypothesis'
 * baseline and lift; its duration is n over one slot's weekly units. Too long a test is "too small to detect
 * here"; an offline test's length is set by hand, so that rule does not apply to it.
 */
export function sizeHypothesis(h: RoadmapHypothesis, capacity: ChannelCapacity, maxTestWeeks: number): Sizing {
  if (h.plannedUsers == null && !(h.expectedLift > 0)) {
    return {
      kind: 'unschedulable',
      reason: `expectedLift is ${h.expectedLift}: a test is sized for a positive expected lift, so this one cannot be planned`,
    };
  }
  const requiredUnits =
    h.plannedUsers ?? plan({ metric: 'binomial', baseline: h.baselineRate, lift: h.expectedLift }).totalUsers;
  if (h.channel === 'OFFLINE') return { kind: 'sized', requiredUnits, weeks: h.plannedWeeks ?? DEFAULT_OFFLINE_WEEKS };
  const weeks = weeksFor(requiredUnits, capacity);
  if (weeks > maxTestWeeks) {
    return { kind: 'tooSmall', detectableLift: detectableLiftIn(h.baselineRate, capacity, maxTestWeeks) };
  }
  return { kind: 'sized', requiredUnits, weeks };
}
