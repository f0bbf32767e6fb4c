import { z } from 'zod';
import { CHANNELS } from './enums';
import { DomainError } from './errors';
import { METRIC_KINDS, ZExperimentMetrics } from './experiment-metrics';
import { LOCATION_METHODS } from './locations/did-input';
import { ZWinnerSendInput } from './winner-send/setup';
import { int4, slug, text } from './zod-safe';

/** Experiment lifecycle: DRAFT → RUNNING → COMPLETED, or STOPPED by a product owner (with a reason). */
export const EXPERIMENT_STATUSES = ['DRAFT', 'RUNNING', 'COMPLETED', 'STOPPED'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

const EXPERIMENT_TRANSITIONS: Record<ExperimentStatus, readonly ExperimentStatus[]> = {
  DRAFT: ['RUNNING', 'STOPPED'],
  RUNNING: ['COMPLETED', 'STOPPED'],
  COMPLETED: [],
  STOPPED: [],
};

export function assertExperimentTransition(from: ExperimentStatus, to: ExperimentStatus): void {
  if (!EXPERIMENT_TRANSITIONS[from].includes(to)) {
    throw new DomainError('ILLEGAL_TRANSITION', `Cannot move an experiment from ${from} to ${to}.`, 'status');
  }
}

/** `Exit-intent coupon!` → `exit-intent-coupon`: a key (at most 60 characters) that satisfies the slug rule above. */
export const keyFromName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

export const ZVariantDefinition = z.object({
  key: slug(64),
  name: text().trim().max(200, 'must be at most 200 characters').optional(),
  weight: z.number().gt(0, 'must be > 0').max(1, 'must be ≤ 1').optional(),
});

export const ZAnalysisSettings = z.object({
  engine: z.enum(['frequentist', 'bayesian']),
  /** The confidence sequence's tuning N*, or null for a fixed-horizon test. */
  sequential: int4(undefined, 1).nullable(),
  alpha: z.number().gt(0, 'must be > 0 and ≤ 0.5').max(0.5, 'must be > 0 and ≤ 0.5'),
  correction: z.enum(['none', 'holm', 'bh']),
  /**
   * The minimum worthwhile lift (relative, 0.05 = 5%): a sequential test stops INCONCLUSIVE once its confidence
   * sequence lies inside ± this. Defaults to half the hypothesis' |expected lift|, at least 1%; null turns it off.
   */
  minLift: z
    .number()
    .gt(0, 'must be > 0 and ≤ 10 (a relative lift, 0.05 = 5%)')
    .max(10, 'must be > 0 and ≤ 10 (a relative lift, 0.05 = 5%)')
    .nullable()
    .optional(),
});
export type AnalysisSettings = z.output<typeof ZAnalysisSettings>;

export const ZExperimentCreateInput = z
  .object({
    key: slug(100),
    name: text().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    hypothesisId: text().min(1, 'is required'),
    channel: z.enum(CHANNELS).optional(),
    variants: z
      .array(ZVariantDefinition)
      .min(2, 'needs 2–8 variants (the first is the control)')
      .max(8, 'needs 2–8 variants (the first is the control)'),
    metrics: ZExperimentMetrics,
    analysis: ZAnalysisSettings.partial().optional(),
    /** Defaults to the sample size the plan calculation gives for the hypothesis' baseline and expected lift. */
    plannedUsers: int4(undefined, 2).optional(),
    segmentAttribute: slug(64).nullable().optional(),
    /** EMAIL only: test on a share of the list, send the winner to the rest (null or absent: a plain test). */
    winnerSend: ZWinnerSendInput.nullable().optional(),
    /** Start running at once (default: stay a draft). */
    start: z.boolean().default(false),
  })
  .check((ctx) => {
    const { variants, metrics } = ctx.value;
    const issue = (path: (string | number)[], message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    const keys = new Set<string>();
    variants.forEach((v, i) => {
      if (keys.has(v.key)) issue(['variants', i, 'key'], `duplicate key "${v.key}"`);
      keys.add(v.key);
    });
    const given = variants.filter((v) => v.weight !== undefined).length;
    if (given !== 0 && given !== variants.length)
      issue(['variants'], 'give every variant a weight, or none (equal split)');
    if (given === variants.length) {
      const total = variants.reduce((s, v) => s + (v.weight ?? 0), 0);
      if (Math.abs(total - 1) > 1e-6) issue(['variants'], `weights must sum to 1; they sum to ${+total.toFixed(6)}`);
    }
    const names = new Set([metrics.primary.name]);
    metrics.guardrails.forEach((g, i) => {
      if (names.has(g.name)) issue(['metrics', 'guardrails', i, 'name'], `metric "${g.name}" is listed twice`);
      names.add(g.name);
    });
  });
export type ExperimentCreateInput = z.input<typeof ZExperimentCreateInput>;

export interface VariantDefinition {
  key: string;
  name: string;
  weight: number;
}

/** Fills in names (the key) and weights (an equal split). */
export function normaliseVariants(variants: z.output<typeof ZVariantDefinition>[]): VariantDefinition[] {
  const equal = 1 / variants.length;
  return variants.map((v) => ({ key: v.key, name: v.name || v.key, weight: v.weight ?? equal }));
}

export const ZExperimentStopInput = z.object({
  key: text().min(1, 'is required'),
  reason: text().trim().min(1, 'is required: say why the experiment stops').max(2000),
});

/** What a draft may change; once running, variants, weights and everything else are frozen. */
export const ZExperimentUpdateInput = z.object({
  key: text().min(1, 'is required'),
  patch: z.object({
    name: text().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    variants: z.array(ZVariantDefinition).optional(),
    metrics: ZExperimentMetrics.optional(),
    analysis: ZAnalysisSettings.partial().optional(),
    plannedUsers: int4(undefined, 2).optional(),
    segmentAttribute: text().max(64).nullable().optional(),
    winnerSend: ZWinnerSendInput.nullable().optional(),
  }),
});
export type ExperimentUpdateInput = z.input<typeof ZExperimentUpdateInput>;

/**
 * What the experiment's JSON columns hold. Lenient where creation is strict (no slug, count or weight-sum rules):
 * a row written by an older release, the seed or the ladder still reads; the shapes are the creation's outputs.
 */
export const ZStoredVariants = z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() }));
const ZStoredMetric = z.object({
  name: z.string(),
  kind: z.enum(METRIC_KINDS),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
});
export const ZStoredMetrics = z.object({
  primary: ZStoredMetric,
  guardrails: z.array(ZStoredMetric.extend({ direction: z.enum(['up', 'down']).default('up') })).default([]),
});
export const ZStoredAnalysis = z.object({
  engine: z.enum(['frequentist', 'bayesian']),
  sequential: z.number().nullable().default(null),
  alpha: z.number(),
  correction: z.enum(['none', 'holm', 'bh']),
  // Absent in rows written before the setting existed: no futility stop for them.
  minLift: z.number().nullable().optional(),
});
/** An offline location test's split, proposed once from the pre-period sales (locations/propose-split.ts). */
export const ZStoredLocationSplit = z.object({
  treatment: z.array(z.string()),
  holdout: z.array(z.string()),
  balance: z.object({ treatmentMean: z.number(), holdoutMean: z.number(), standardizedDifference: z.number() }),
  seed: z.string(),
  start: z.string(),
  /** Post-period weeks the test is planned for (one group-sequential look a week); absent means 8. */
  plannedWeeks: z.number().int().min(1).max(104).optional(),
  /** How the worker analyses the test; absent in splits made before the choice existed, which ran DiD (storedLocationMethod). */
  method: z.enum(LOCATION_METHODS).optional(),
  /** The treatment was chosen (a plan's ranked set, locations/propose-split.ts chosenLocationSplit), not drawn. */
  chosen: z.boolean().optional(),
});
export type LocationSplitRecord = z.output<typeof ZStoredLocationSplit>;
/** A stored campaign report's per-variant totals (ZReportInput without its cross-field rules). */
export const ZStoredReportVariants = z.array(
  z.object({
    key: z.string(),
    users: z.number(),
    conversions: z.number().optional(),
    sum: z.number().optional(),
    sumSquares: z.number().optional(),
  }),
);
export type ReportVariantTotals = z.output<typeof ZStoredReportVariants>;
