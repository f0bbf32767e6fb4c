import type { ExperimentDecision } from '../decision';
import { LOCATION_ANALYSIS_DEFAULTS, type LocationAnalysisInput } from './did-input';
import {
  type LocationTestSummary,
  resolveLocationMethod,
  runLocationTest,
  type StoredLocationAnalysis,
  summarizeLocationTest,
} from './location-test';
import { analyzeSynthetic } from './synthetic/analyze-synthetic';
import { weeklyGroupMeans } from './weekly-means';

/** One evaluation of a location test, in the shape a snapshot stores. */
export interface LocationEvaluation {
  method: 'did' | 'synthetic';
  analysis: StoredLocationAnalysis;
  decision: ExperimentDecision;
}

/**
 * The worker's location test: the method asked for, or for "auto" synthetic control below 5 treated locations and
 * DiD from 5 on (README, "Synthetic control"). A DiD test is held to its group-sequential boundary at every weekly
 * look (`previousLook` as in decideLocationTest); a synthetic control decides at its last planned look only (its
 * placebo p-value cannot go below 1/(holdouts + 1)), so it has no z, no early boundary and no use for
 * `previousLook`.
 */
export function evaluateLocationTest(
  input: LocationAnalysisInput,
  previousLook: number | null = null,
): LocationEvaluation {
  const method = resolveLocationMethod(input.method, input.treatment.length);
  if (method === 'did') {
    const { analysis, sequential, decision } = runLocationTest(input, previousLook);
    return { method, analysis: { ...analysis, sequential, weekly: weeklyGroupMeans(input) }, decision };
  }
  const plannedWeeks = input.plannedWeeks ?? LOCATION_ANALYSIS_DEFAULTS.plannedWeeks;
  const analysis = analyzeSynthetic({ ...input, plannedWeeks });
  return { method, analysis, decision: analysis.decision };
}

/** One `uplift locations analyze` request, summarised the same way for both methods. */
export function analyzeLocationTest(input: LocationAnalysisInput): LocationTestSummary {
  const method = resolveLocationMethod(input.method, input.treatment.length);
  if (method === 'did') return summarizeLocationTest(runLocationTest(input));
  const s = analyzeSynthetic({ ...input, plannedWeeks: input.plannedWeeks ?? LOCATION_ANALYSIS_DEFAULTS.plannedWeeks });
  return {
    method: 'synthetic',
    estimate: s.estimate,
    relative: s.relative,
    relativeSe: s.relativeSe,
    ci: s.ci,
    pValue: s.pValue,
    power: s.power,
    look: s.look,
    plannedWeeks: s.plannedWeeks,
    boundary: s.boundary,
    z: null,
    decision: { outcome: s.decision.outcome, reason: s.decision.reason },
    warnings: s.warnings,
  };
}
