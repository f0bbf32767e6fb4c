/** What a completed experiment measured, read from its final snapshot (issue 12 §1). */
export interface MeasuredLift {
  /** xᵢ and sᵢ: the relative lift of the winner (or best treatment) and its standard error. */
  estimate: number;
  se: number;
  /** b̂: the control's mean of the primary metric; for a location test the holdout's weekly sales per location. */
  controlMean: number;
  /** Set for location tests: how many locations took part (treatment and holdout), the rollout's R. */
  locations: number | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The decided winner's relative lift and se, or, when nothing won, the treatment with the largest relative lift
 * (issue 12 §1); null when the snapshot has no estimate (degenerate data), so the experiment is left out.
 */
function abLift(variants: unknown[], winner: string | null): MeasuredLift | null {
  const [control, ...rest] = variants.filter(isObject);
  const controlMean = num(control?.mean);
  const treatments = rest.flatMap((t) => {
    const estimate = num(t.estimate);
    const se = num(t.se);
    return estimate !== null && se !== null ? [{ key: t.key, estimate, se }] : [];
  });
  const chosen = treatments.find((t) => t.key === winner) ?? treatments.sort((a, b) => b.estimate - a.estimate)[0];
  if (!chosen || controlMean === null) return null;
  return { estimate: chosen.estimate, se: chosen.se, controlMean, locations: null };
}

/**
 * A location test's relative lift and its se (the DiD's se over the counterfactual mean, which the relative lift
 * treats as known); b̂ is the holdout's post-period weekly sales per location, or for a synthetic control the
 * synthetic series' post-period mean (estimate / relative), the holdout's weighted sales.
 */
function locationLift(a: Json): MeasuredLift | null {
  const treatment = isObject(a.treatment) ? a.treatment : {};
  const holdout = isObject(a.holdout) ? a.holdout : {};
  const relative = num(a.relative);
  const estimate = num(a.estimate);
  const locations = (num(treatment.locations) ?? 0) + (num(holdout.locations) ?? 0);
  if (relative === null || estimate === null) return null;
  if (a.method === 'synthetic') {
    const se = num(a.relativeSe);
    if (se === null || relative === 0) return null;
    return { estimate: relative, se, controlMean: estimate / relative, locations };
  }
  const se = num(a.se);
  const counterfactual = (num(treatment.preMean) ?? 0) + (num(holdout.change) ?? 0);
  const controlMean = num(holdout.postMean);
  if (se === null || !(counterfactual > 0) || controlMean === null) return null;
  return { estimate: relative, se: se / counterfactual, controlMean, locations };
}

/** The measured lift of a final snapshot's primary analysis (A/B or location test). */
export function measuredLift(analysis: unknown, winner: string | null): MeasuredLift | null {
  if (!isObject(analysis)) return null;
  if ('treatment' in analysis && 'holdout' in analysis) return locationLift(analysis);
  if (Array.isArray(analysis.variants)) return abLift(analysis.variants, winner);
  return null;
}
