import { z } from 'zod';
import { sequenceRequest } from './bayesian-gate';
import { DEFAULT_DECISION_SETTINGS, decideExperiment, type ExperimentDecision } from './decision';
import { analyze } from './stats/analyze';
import { expected } from './stats/messages';
import { type AnalyzeRequest, ZAnalyzeRequest } from './stats/request';

const share = (what: string) =>
  z.number(expected('must be a number')).gt(0, `must be > 0 and < 1 (${what})`).lt(1, `must be > 0 and < 1 (${what})`);

/** The decision settings of `uplift decide`; engine and sequential, where given, override the request's. */
export const ZDecideSettings = z.object(
  {
    engine: z.enum(['frequentist', 'bayesian'], expected('must be "frequentist" or "bayesian"')).optional(),
    sequential: z
      .number(expected('must be a number or null'))
      .gt(0, 'must be > 0 (the tuning sample size N*)')
      .nullable()
      .optional(),
    winChance: share('a probability, e.g. 0.95').optional(),
    maxRisk: share('an expected relative loss, e.g. 0.0025').optional(),
    lossChance: share('a probability, e.g. 0.05').optional(),
    alpha: z
      .number(expected('must be a number'))
      .gt(0, 'must be > 0 and ≤ 0.5')
      .max(0.5, 'must be > 0 and ≤ 0.5')
      .optional(),
    /** Sequential futility: the minimum worthwhile lift, in the request's difference units (relative: 0.05 = 5%). */
    minLift: z
      .number(expected('must be a number or null'))
      .gt(0, 'must be > 0 (a lift, 0.05 = 5%)')
      .nullable()
      .optional(),
  },
  expected('must be an object of decision settings'),
);

/** One decision to replay: what the worker decides for this data (README, "Decision rules"). */
export const ZDecideRequest = z.object(
  {
    request: ZAnalyzeRequest,
    plannedUsers: z.number(expected('must be a number')).int('must be a whole number').min(2, 'must be ≥ 2'),
    settings: ZDecideSettings.optional(),
    guardrails: z
      .array(
        z.object(
          {
            name: z.string(expected('must be a string')).min(1, 'is required'),
            harmful: z.enum(['up', 'down'], expected('must be "up" or "down"')),
            request: ZAnalyzeRequest,
          },
          expected('must be a guardrail object ({ name, harmful, request })'),
        ),
        expected('must be an array of guardrails'),
      )
      .optional(),
  },
  expected('must be a decide object ({ request, plannedUsers, settings?, guardrails? })'),
);
export type DecideRequest = z.output<typeof ZDecideRequest>;

/**
 * The worker's decision for one replayed input: the primary and every guardrail analysed with the settings'
 * engine and sequential (the worker analyses them all with the experiment's), and — for the Bayesian engine —
 * the confidence sequence of the primary data at the settings' α tuned at plannedUsers, which must confirm a
 * decision taken before the planned sample. α defaults to the request's.
 */
export function decideRequest(input: DecideRequest): ExperimentDecision {
  const given = input.settings ?? {};
  const withEngine = (request: AnalyzeRequest): AnalyzeRequest => ({
    ...request,
    ...(given.engine !== undefined ? { engine: given.engine } : {}),
    ...(given.sequential !== undefined ? { sequential: given.sequential } : {}),
  });
  const primary = withEngine(input.request);
  const engine = primary.engine ?? 'frequentist';
  const alpha = given.alpha ?? primary.alpha ?? DEFAULT_DECISION_SETTINGS.alpha;
  return decideExperiment({
    primary: analyze(primary),
    sequences: engine === 'bayesian' ? analyze(sequenceRequest(primary, alpha, input.plannedUsers)) : null,
    guardrails: (input.guardrails ?? []).map((g) => ({
      name: g.name,
      harmful: g.harmful,
      analysis: analyze(withEngine(g.request)),
    })),
    plannedUsers: input.plannedUsers,
    settings: {
      winChance: given.winChance ?? DEFAULT_DECISION_SETTINGS.winChance,
      maxRisk: given.maxRisk ?? DEFAULT_DECISION_SETTINGS.maxRisk,
      lossChance: given.lossChance ?? DEFAULT_DECISION_SETTINGS.lossChance,
      engine,
      sequential: primary.sequential ?? null,
      alpha,
      minLift: given.minLift ?? null,
    },
  });
}
