import type { AnalyzeResult, TreatmentResult } from '@uplift/domain';

export type GuardrailState = 'no_data' | 'ok' | 'harmed';

const treatments = (a: AnalyzeResult) => a.variants.slice(1) as TreatmentResult[];

/** The treatments whose interval lies wholly on the bad side of 0 (the guardrail's direction says which). */
export function harmedTreatments(analysis: AnalyzeResult, direction: 'up' | 'down'): TreatmentResult[] {
  return treatments(analysis).filter((t) => t.ci && (direction === 'down' ? t.ci[0] > 0 : t.ci[1] < 0));
}

/**
 * "No treatment harms it" is a claim only an interval can back: until every variant has units and every
 * treatment an interval (none while a variant is empty or nothing varies), the guardrail has no data yet.
 */
export function guardrailState(analysis: AnalyzeResult, direction: 'up' | 'down'): GuardrailState {
  if (harmedTreatments(analysis, direction).length) return 'harmed';
  const ready =
    analysis.variants.length > 1 &&
    analysis.variants.every((v) => v.users > 0) &&
    treatments(analysis).every((t) => t.ci !== null);
  return ready ? 'ok' : 'no_data';
}
