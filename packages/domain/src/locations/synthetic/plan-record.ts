import { z } from 'zod';
import type { LocationPlan } from './market-selection';

const ZEvaluation = z.object({
  treatment: z.array(z.string()),
  mde: z.number().nullable(),
  powerCurve: z.array(z.object({ effect: z.number(), power: z.number() })),
  preRmspe: z.number(),
  falseDetections: z.number(),
});

/** A LocationPlan as stored in LocationPlan.result (the `location.plan` job's answer). */
export const ZStoredLocationPlan = z.object({
  testWeeks: z.number(),
  windows: z.number(),
  alpha: z.number(),
  power: z.number(),
  proposed: ZEvaluation.nullable(),
  ranked: z.array(ZEvaluation),
  treatmentSize: z.number(),
  searched: z.number(),
  possible: z.number(),
  exhaustive: z.boolean(),
  seed: z.number(),
  excluded: z.array(z.string()),
  warnings: z.array(z.string()),
}) satisfies z.ZodType<LocationPlan>;

/** Where a plan stands; the latest one per experiment is shown on the location test. */
export const LOCATION_PLAN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type LocationPlanStatus = (typeof LOCATION_PLAN_STATUSES)[number];
