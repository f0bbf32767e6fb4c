import { z } from 'zod';
import { CHANNELS } from '../enums';
import type { ZStoredVariants } from '../experiment';
import type { StoredLocationAnalysis } from '../locations/location-test';
import type { AnalyzeResult } from '../stats/types';
import { OFFER_STATES, PROMOTION_KINDS, PROMOTION_STATUSES } from './offer-state';
import { ZRungPolicy } from './policy';
import { ZReadinessInput } from './readiness';

// Lenient readers of the ladder's JSON columns: what was written (JSON, so NaN became null and undefined keys
// vanished) parses back into domain types, while the stricter creation schemas stay for input.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A workspace's rung-policy overrides; an empty column reads as none. */
export const ZStoredLadderPolicies = z
  .partialRecord(z.enum(CHANNELS), ZRungPolicy.partial())
  .nullish()
  .transform((p) => p ?? {});

export const ZSegmentWin = z.object({
  segment: z.string(),
  variant: z.string(),
  estimate: z.number(),
  pValue: z.number(),
  adjustedPValue: z.number(),
});

const num = z.number().nullish();
/** A proposal's evidence as the ladder step wrote it; unknown keys are kept. */
export const ZPromotionEvidence = z.looseObject({
  projectedMonthlyGain: num,
  /** The next rung's reach and the value per conversion the projection used (absent before issue 12). */
  reachPerMonth: num,
  valuePerConversion: num,
  experiment: z.string().nullish(),
  channel: z.string().nullish(),
  metric: z.string().nullish(),
  alpha: num,
  winner: z.string().nullish(),
  estimate: num,
  ci: z.array(z.number().nullable()).nullish(),
  pValue: num,
  chanceToWin: num,
  users: num,
  controlMean: num,
  winnerMean: num,
  reason: z.string().nullish(),
  segmentsWon: z.array(ZSegmentWin).optional(),
});
export type PromotionEvidence = z.output<typeof ZPromotionEvidence>;

/** A readiness check's recorded numbers: ZReadinessInput's output. */
export const ZStoredReadinessInputs = ZReadinessInput;
/** assessReadiness' result; JSON has no Infinity, so a volume of 0 reads as a null coverage. */
export const ZStoredReadinessAssessment = z.object({
  marginPerConversion: z.number(),
  monthlyContribution: z.number(),
  capacityCoverage: z.number().nullable(),
  passes: z.boolean(),
  failures: z.array(z.string()),
});

/** An experiment's variants as stored (normalised at creation: every one has a name and a weight). */
export type StoredVariant = z.output<typeof ZStoredVariants>[number];

/** The significance level an experiment was analysed at (0.05 when none was recorded). */
export const ZStoredAlpha = z.looseObject({ alpha: z.number().optional() }).transform((a) => a.alpha ?? 0.05);
/** The name of an experiment's primary metric, null when none was recorded. */
export const ZStoredPrimaryMetric = z
  .looseObject({ primary: z.looseObject({ name: z.string().optional() }).optional() })
  .transform((m) => m.primary?.name ?? null);

/** A snapshot's analysis: an A/B analysis (it has `srm`), or a location test's DiD or synthetic control. */
export const ZStoredSnapshotAnalysis = z.custom<AnalyzeResult | StoredLocationAnalysis>(
  isObject,
  'must be an analysis object',
);
export const ZStoredSegments = z
  .array(z.object({ segment: z.string(), analysis: z.custom<AnalyzeResult>(isObject, 'must be an analysis object') }))
  .nullish()
  .transform((s) => s ?? null);

export const ZOfferState = z.enum(OFFER_STATES);
export const ZPromotionKind = z.enum(PROMOTION_KINDS);
export const ZPromotionStatus = z.enum(PROMOTION_STATUSES);
