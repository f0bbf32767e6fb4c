import { alphaOf, type CompareSettings, isBayesian } from './compare';
import { adjustPValues, type Correction } from './correction';
import type { VariantStats } from './request';
import type {
  BayesianTreatmentResult,
  Comparison,
  Decision,
  FrequentistTreatmentResult,
  TreatmentResult,
} from './types';

// Significant: p < α for a fixed-horizon test (the adjusted p once a correction applies); the interval
// excluding 0 for sequential and Bayesian (for Bayesian: chanceToWin beyond 1 − α/2 or below α/2).
// A flagged SRM overrides everything: the split is broken, so nothing may read as a win.

function decide(significant: boolean, estimate: number | null, srmFlagged: boolean): Decision {
  if (srmFlagged) return 'srm';
  if (!significant || estimate === null) return 'inconclusive';
  return estimate > 0 ? 'win' : 'loss';
}

/** The reported row of one treatment, with the call a reader would make of it. */
export function treatmentResult(
  v: VariantStats,
  mean: number | null,
  c: Comparison | null,
  settings: CompareSettings,
  srmFlagged: boolean,
): TreatmentResult {
  const significant =
    c !== null && !srmFlagged && (c.pValue !== null ? c.pValue < alphaOf(settings) : c.ci[0] > 0 || c.ci[1] < 0);
  const decision = decide(significant, c ? c.estimate : null, srmFlagged);
  // Literal objects rather than spreads: this runs once per treatment on the hot path.
  if (isBayesian(settings)) {
    const bayesian: BayesianTreatmentResult = {
      key: v.key,
      users: v.users,
      mean,
      estimate: c ? c.estimate : null,
      se: c ? c.se : null,
      ci: c ? c.ci : null,
      chanceToWin: c ? c.chanceToWin : null,
      risk: c ? c.risk : null,
      significant,
      decision,
    };
    return bayesian;
  }
  const frequentist: FrequentistTreatmentResult = {
    key: v.key,
    users: v.users,
    mean,
    estimate: c ? c.estimate : null,
    se: c ? c.se : null,
    ci: c ? c.ci : null,
    pValue: c ? c.pValue : null,
    significant,
    decision,
  };
  return frequentist;
}

/** Adds adjustedPValue to fixed-horizon rows and re-decides them on it (Holm 1979 / Benjamini–Hochberg 1995). */
export function applyCorrection(
  rows: FrequentistTreatmentResult[],
  method: Exclude<Correction, 'none'>,
  alpha: number,
  srmFlagged: boolean,
): void {
  const adjusted = adjustPValues(
    rows.map((row) => row.pValue),
    method,
  );
  rows.forEach((row, i) => {
    const p = adjusted[i] ?? null;
    row.adjustedPValue = p;
    row.significant = p !== null && !srmFlagged && p < alpha;
    row.decision = decide(row.significant, row.estimate, srmFlagged);
  });
}
