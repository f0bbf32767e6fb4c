import type { ExperimentDecision } from '../../decision';

interface SyntheticOutcome {
  estimate: number | null;
  pValue: number | null;
  look: number;
  plannedWeeks: number;
  alpha: number;
  warnings: string[];
}

/**
 * A synthetic-control test decides at its last planned look only: its placebo p-value cannot go below
 * 1 / (holdouts + 1), so it could never cross a group-sequential boundary's early, tiny thresholds. Before the
 * planned weeks it keeps running whatever the p-value; from then on WIN / LOSS when p ≤ α, else INCONCLUSIVE.
 */
export function decideSynthetic(result: SyntheticOutcome): ExperimentDecision {
  if (result.estimate === null || result.pValue === null) {
    return {
      outcome: 'NO_DATA',
      reason: result.warnings.at(-1) ?? 'Not enough locations with sales yet.',
      winner: null,
    };
  }
  const lift = `${result.estimate >= 0 ? '+' : ''}${result.estimate.toFixed(1)} weekly sales per treated location`;
  const p = `placebo p = ${result.pValue.toPrecision(2)}`;
  if (result.look < result.plannedWeeks) {
    return {
      outcome: 'KEEP_RUNNING',
      reason: `${result.look} of ${result.plannedWeeks} planned weeks so far (${lift}); a synthetic control decides only at the last week.`,
      winner: null,
    };
  }
  if (result.pValue <= result.alpha && result.estimate > 0) {
    return {
      outcome: 'WIN',
      reason: `Treated locations outsell their synthetic control: ${lift} (${p}).`,
      winner: 'treatment',
    };
  }
  if (result.pValue <= result.alpha && result.estimate < 0) {
    return {
      outcome: 'LOSS',
      reason: `Treated locations sell less than their synthetic control: ${lift} (${p}).`,
      winner: null,
    };
  }
  return {
    outcome: 'INCONCLUSIVE',
    reason: `After ${result.look} weeks no clear difference from the synthetic control (${lift}, ${p}).`,
    winner: null,
  };
}
