import { z } from 'zod';
import { FUNNEL_STAGES } from './enums';
import { ZFunnelVolumes } from './insights/funnel-volumes';
import { ZCapacityUpdate, ZMaxTestWeeks } from './roadmap/capacity';
import { int4 } from './zod-safe';

const share = (what: string) =>
  z.number().gt(0, `must be > 0 and < 1 (${what})`).lt(1, `must be > 0 and < 1 (${what})`);

/** What a product owner or admin may change about a workspace; every field optional (a partial update). */
export const ZWorkspaceSettingsInput = z.object({
  horizonMonths: z.number().int('must be a whole number').min(1, 'must be 1–120').max(120, 'must be 1–120').optional(),
  /** How often the worker re-evaluates each running experiment. */
  evaluationIntervalMinutes: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1–1440')
    .max(1440, 'must be 1–1440')
    .optional(),
  /** Terminal decisions wait for a product owner's confirmation before completing an experiment. */
  confirmDecisions: z.boolean().optional(),
  defaultEngine: z.enum(['frequentist', 'bayesian']).optional(),
  defaultAlpha: z.number().gt(0, 'must be > 0 and ≤ 0.5').max(0.5, 'must be > 0 and ≤ 0.5').optional(),
  defaultCorrection: z.enum(['none', 'holm', 'bh']).optional(),
  defaultSequential: int4(undefined, 1).nullable().optional(),
  /** Bayesian decision thresholds (README, "Decision rules"). */
  winChance: share('a probability, e.g. 0.95').optional(),
  maxRisk: share('an expected relative loss, e.g. 0.0025').optional(),
  lossChance: share('a probability, e.g. 0.05').optional(),
  /** The workspace's money (ISO 4217 code, e.g. EUR): shown with every amount; portfolios sum per currency. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR or USD')
    .nullable()
    .optional(),
  /** Funnel stages the team does not use: left out of the Insights funnel. */
  hiddenFunnelStages: z
    .array(z.enum(FUNNEL_STAGES, { error: `must be one of ${FUNNEL_STAGES.join(', ')}` }))
    .refine((stages) => new Set(stages).size === stages.length, 'must not repeat a stage')
    .optional(),
  /** Traffic per funnel stage as the team reports it (replaces the whole map; {} clears it). */
  funnelVolumes: ZFunnelVolumes.optional(),
  /** Channel capacity for the test roadmap: the channels named are set, `null` clears one (README). */
  capacity: ZCapacityUpdate.optional(),
  /** The longest test the roadmap plans; a longer one is "too small to detect here". */
  maxTestWeeks: ZMaxTestWeeks.optional(),
  /**
   * Days after an experiment ends that its raw events are kept (aggregates, results and reports stay); null: the
   * deployment's default (the worker's RAW_EVENT_RETENTION_DAYS; unset, they are kept).
   */
  rawEventRetentionDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be 1–36,500 days')
    .max(36_500, 'must be 1–36,500 days')
    .nullable()
    .optional(),
});
export type WorkspaceSettingsInput = z.infer<typeof ZWorkspaceSettingsInput>;
export const WORKSPACE_SETTING_KEYS = Object.keys(ZWorkspaceSettingsInput.shape) as (keyof WorkspaceSettingsInput)[];
