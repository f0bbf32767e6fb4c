import { type BayesianRule, bayesianCall } from './bayesian-gate';
import { futile, futilityReason } from './futility';
import type { AnalyzeResult, BayesianTreatmentResult, TreatmentResult } from './stats/types';

/** What the worker concludes about a running experiment (README, "Decision rules"). */
export const EXPERIMENT_OUTCOMES = ['NO_DATA', 'SRM_HALT', 'KEEP_RUNNING', 'WIN', 'LOSS', 'INCONCLUSIVE'] as const;
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];
export const TERMINAL_OUTCOMES: ReadonlySet<ExperimentOutcome> = new Set(['WIN', 'LOSS', 'INCONCLUSIVE']);

export interface DecisionSettings extends BayesianRule {
  engine: 'frequentist' | 'bayesian';
  /** The sequential tuning N*, or null for a fixed-horizon test. */
  sequential: number | null;
  /** Bayesian WIN: chance to win at least this (default 0.95)… */
  winChance: number;
  /** …and the expected loss of choosing the treatment at most this (default 0.0025 = 0.25%). */
  maxRisk: number;
  /** Bayesian LOSS: every chance to win at most this (default 0.05), and the risk of staying with the control ≤ maxRisk. */
  lossChance: number;
  /** α of the always-valid confidence sequence that must confirm a Bayesian result before the planned sample. */
  alpha: number;
  /** Sequential: stop INCONCLUSIVE once every confidence sequence lies inside ± this lift (futility); null: never. */
  minLift: number | null;
}
export const DEFAULT_DECISION_SETTINGS: DecisionSettings = {
  engine: 'frequentist',
  sequential: null,
  winChance: 0.95,
  maxRisk: 0.0025,
  lossChance: 0.05,
  alpha: 0.05,
  minLift: null,
};

export interface GuardrailAnalysis {
  name: string;
  /** The direction that is bad news: `down` for a metric that must not fall, `up` for one (unsubscribes) that must not rise. */
  harmful: 'up' | 'down';
  analysis: AnalyzeResult;
}

export interface ExperimentDecision {
  outcome: ExperimentOutcome;
  /** One sentence a product owner can read. */
  reason: string;
  /** Key of the winning treatment, for WIN. */
  winner: string | null;
}

const treatmentsOf = (a: AnalyzeResult) => a.variants.slice(1) as TreatmentResult[];
const decided = (outcome: ExperimentOutcome, reason: string, winner: string | null = null): ExperimentDecision => ({
  outcome,
  reason,
  winner,
});

/**
 * Decision rules, in order: NO_DATA (a variant has < 2 units); SRM_HALT (never a decision on a broken split);
 * then by engine — fixed horizon: KEEP_RUNNING until the planned users, then WIN (best significant treatment
 * with a positive estimate, after correction), LOSS (all treatments significantly worse) or INCONCLUSIVE;
 * sequential: WIN / LOSS as soon as the interval excludes 0, INCONCLUSIVE as soon as every interval lies inside
 * ± minLift (futility.ts) or at the planned users; Bayesian: WIN at chance to win ≥ winChance with risk ≤ maxRisk,
 * LOSS when every chance to win ≤ lossChance with the risk of staying with the control ≤ maxRisk — before the
 * planned users only once the always-valid confidence sequence also excludes 0 (bayesian-gate.ts) —, else as the
 * fixed horizon. A guardrail harmed significantly turns a WIN into INCONCLUSIVE, naming the guardrail.
 */
export function decideExperiment(input: {
  primary: AnalyzeResult;
  guardrails?: GuardrailAnalysis[];
  plannedUsers: number;
  settings?: Partial<DecisionSettings>;
  /** Bayesian: the primary data's confidence sequence (`sequenceRequest`), which must confirm an early decision. */
  sequences?: AnalyzeResult | null;
}): ExperimentDecision {
  const settings = { ...DEFAULT_DECISION_SETTINGS, ...input.settings };
  const { primary } = input;
  const thin = primary.variants.find((v) => v.users < 2);
  if (thin) return decided('NO_DATA', `Variant "${thin.key}" has ${thin.users} unit(s); at least 2 are needed.`);
  if (primary.srm.flagged) {
    return decided(
      'SRM_HALT',
      `Sample ratio mismatch (p = ${primary.srm.pValue.toPrecision(2)}): the split is broken, so no result can be trusted.`,
    );
  }
  const users = primary.variants.reduce((sum, v) => sum + v.users, 0);
  const reachedPlan = users >= input.plannedUsers;
  const treatments = treatmentsOf(primary);
  const positive = treatments.filter((t) => t.significant && (t.estimate ?? 0) > 0);
  const allWorse = treatments.every((t) => t.significant && (t.estimate ?? 0) < 0);
  const best = positive.sort((x, y) => (y.estimate ?? 0) - (x.estimate ?? 0))[0];

  let decision: ExperimentDecision;
  if (settings.engine === 'bayesian') {
    decision = bayesianDecision(primary, input.sequences ?? null, settings, users, input.plannedUsers);
  } else if (settings.sequential !== null) {
    if (best)
      decision = decided('WIN', `"${best.key}" is better than the control (its interval excludes 0).`, best.key);
    else if (allWorse) decision = decided('LOSS', 'Every treatment is worse than the control (intervals exclude 0).');
    else if (futile(treatments, settings.minLift))
      decision = decided('INCONCLUSIVE', futilityReason(settings.minLift ?? 0));
    else decision = reachedPlan ? inconclusive() : keepRunning(users, input.plannedUsers);
  } else if (!reachedPlan) decision = keepRunning(users, input.plannedUsers);
  else if (best) decision = decided('WIN', `"${best.key}" beats the control at the planned sample.`, best.key);
  else if (allWorse) decision = decided('LOSS', 'Every treatment is significantly worse than the control.');
  else decision = inconclusive();

  if (decision.outcome === 'WIN') {
    const harmed = (input.guardrails ?? []).find((g) => harms(g, decision.winner as string));
    if (harmed) {
      return decided(
        'INCONCLUSIVE',
        `"${decision.winner}" wins on the primary metric but harms the guardrail "${harmed.name}".`,
      );
    }
  }
  return decision;
}

function harms(guardrail: GuardrailAnalysis, variantKey: string): boolean {
  const t = treatmentsOf(guardrail.analysis).find((v) => v.key === variantKey);
  if (!t?.ci) return false;
  return guardrail.harmful === 'up' ? t.ci[0] > 0 : t.ci[1] < 0;
}

function bayesianDecision(
  primary: AnalyzeResult,
  sequences: AnalyzeResult | null,
  settings: DecisionSettings,
  users: number,
  plannedUsers: number,
): ExperimentDecision {
  const reachedPlan = users >= plannedUsers;
  const call = bayesianCall(treatmentsOf(primary) as BayesianTreatmentResult[], settings, sequences, reachedPlan);
  const sequence = `its always-valid ${pct(1 - settings.alpha, 0)} confidence sequence excludes 0`;
  switch (call.kind) {
    case 'win': {
      const { key, chanceToWin } = call.winner;
      const when = call.gated ? `, and ${sequence}` : ' at the planned sample';
      return decided('WIN', `"${key}" has a ${pct(chanceToWin)} chance to beat the control${when}.`, key);
    }
    case 'loss': {
      const when = call.gated ? ', and every confidence sequence lies below 0' : ' at the planned sample';
      return decided(
        'LOSS',
        `No treatment has more than a ${pct(settings.lossChance)} chance to beat the control${when}.`,
      );
    }
    case 'wait': {
      const looks =
        call.side === 'win'
          ? `"${call.leader.key}" has a ${pct(call.leader.chanceToWin)} chance to beat the control`
          : `No treatment has more than a ${pct(settings.lossChance)} chance to beat the control`;
      return decided(
        'KEEP_RUNNING',
        `${looks}, but a Bayesian result is not final until the always-valid confidence sequence excludes 0 or the planned sample is reached; ${progress(users, plannedUsers)}.`,
      );
    }
    default:
      return reachedPlan ? inconclusive() : keepRunning(users, plannedUsers);
  }
}

const pct = (x: number | null, digits = 1) => `${((x ?? 0) * 100).toFixed(digits)}%`;
const progress = (users: number, planned: number) =>
  `${users.toLocaleString('en')} of ${planned.toLocaleString('en')} planned units so far`;
const inconclusive = () =>
  decided('INCONCLUSIVE', 'The planned sample is reached and no treatment differs clearly from the control.');
const keepRunning = (users: number, planned: number) => decided('KEEP_RUNNING', `${progress(users, planned)}.`);

/** What a terminal decision makes of the hypothesis under test. */
export const HYPOTHESIS_STATUS_FOR_OUTCOME = { WIN: 'WON', LOSS: 'LOST', INCONCLUSIVE: 'INCONCLUSIVE' } as const;
