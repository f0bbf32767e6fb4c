import type { AnalyzeRequest } from './stats/request';
import type { AnalyzeResult, BayesianTreatmentResult, TreatmentResult } from './stats/types';

/** The Bayesian engine's thresholds and the α of the confidence sequence that gates an early decision. */
export interface BayesianRule {
  winChance: number;
  maxRisk: number;
  lossChance: number;
  alpha: number;
}

/**
 * The request of the confidence sequence that must confirm an early Bayesian decision: the engine's sequential
 * test (stats/sequential.ts, Waudby-Smith et al. 2021) over the same data at the rule's α, tuned at the planned
 * sample (N* = plannedUsers), on the absolute difference. Absolute because the sequence's validity is
 * asymptotic and the relative difference's delta-method se is skewed at small samples: in seeded A/A runs at a
 * 5% baseline the relative sequence fell below 0 fourteen times as often as it rose above it (1.9% against
 * 0.13% over 19 looks) where the absolute one stays symmetric (0.6% each). Both test the same null hypothesis,
 * "no difference", so the sign they confirm is the same.
 */
export function sequenceRequest(request: AnalyzeRequest, alpha: number, plannedUsers: number): AnalyzeRequest {
  return { ...request, ...sequenceSettings(alpha, plannedUsers) };
}

/** The settings `sequenceRequest` puts on a request: what the worker's evaluation also analyses the sequence with. */
export function sequenceSettings(alpha: number, plannedUsers: number) {
  return {
    engine: 'frequentist',
    difference: 'absolute',
    alpha,
    sequential: Math.max(plannedUsers, 2),
    correction: 'none',
  } as const;
}

/**
 * What the Bayesian rule makes of the treatments at one look:
 * - `win` / `loss`: final. `gated` says the confidence sequence confirmed it before the planned sample.
 * - `wait`: the chance to win and risk alone would decide (`side`), but before the planned sample the
 *   confidence sequence still contains 0, so the result is not final yet.
 * - `none`: nothing decided.
 */
export type BayesianCall =
  | { kind: 'win'; winner: BayesianTreatmentResult; gated: boolean }
  | { kind: 'loss'; gated: boolean }
  | { kind: 'wait'; side: 'win' | 'loss'; leader: BayesianTreatmentResult }
  | { kind: 'none' };

/**
 * The chance to win, risk and intervals are shown at every look, but a look at the running data with them alone
 * is a peek: evaluated every batch, an A/A test ends WIN or LOSS far more often than 1 − winChance (the chance
 * to win is a one-sided z-test at 1 − winChance, repeated). So a decision needs, at the planned sample, the
 * Bayesian thresholds — WIN: chance to win ≥ winChance and the risk of choosing the treatment ≤ maxRisk; LOSS:
 * every chance to win ≤ lossChance and the risk of staying with the control ≤ maxRisk — and, before it, the
 * same thresholds plus the always-valid confidence sequence excluding 0, whose chance of ever excluding the
 * truth is ≤ α at any number of looks (Waudby-Smith et al. 2021; GrowthBook, "Sequential testing").
 */
export function bayesianCall(
  treatments: BayesianTreatmentResult[],
  rule: Omit<BayesianRule, 'alpha'>,
  /** The analysis of `sequenceRequest`; without one, nothing is decided before the planned sample. */
  sequences: AnalyzeResult | null,
  reachedPlan: boolean,
): BayesianCall {
  const sequence = (t: BayesianTreatmentResult) =>
    (sequences?.variants.slice(1).find((v) => v.key === t.key) as TreatmentResult | undefined)?.ci;
  const winning = treatments
    .filter((t) => (t.chanceToWin ?? 0) >= rule.winChance && (t.risk?.[1] ?? Number.POSITIVE_INFINITY) <= rule.maxRisk)
    .sort((x, y) => (y.chanceToWin ?? 0) - (x.chanceToWin ?? 0));
  const leader = winning[0];
  if (leader) {
    if (reachedPlan) return { kind: 'win', winner: leader, gated: false };
    const confirmed = winning.find((t) => (sequence(t)?.[0] ?? 0) > 0);
    return confirmed ? { kind: 'win', winner: confirmed, gated: true } : { kind: 'wait', side: 'win', leader };
  }
  const losing = treatments.every(
    (t) =>
      t.chanceToWin !== null &&
      t.chanceToWin <= rule.lossChance &&
      (t.risk?.[0] ?? Number.POSITIVE_INFINITY) <= rule.maxRisk,
  );
  if (!losing || treatments.length === 0) return { kind: 'none' };
  if (reachedPlan) return { kind: 'loss', gated: false };
  if (treatments.every((t) => (sequence(t)?.[1] ?? 0) < 0)) return { kind: 'loss', gated: true };
  const best = [...treatments].sort(
    (x, y) => (y.chanceToWin ?? 0) - (x.chanceToWin ?? 0),
  )[0] as BayesianTreatmentResult;
  return { kind: 'wait', side: 'loss', leader: best };
}
