import { LOCATION_ANALYSIS_DEFAULTS, type LocationAnalysisInput } from './did-input';
import {
  chooseLocationMethod,
  type LocationTestSummary,
  runLocationTest,
  summarizeLocationTest,
} from './location-test';
import { analyzeSynthetic } from './synthetic/analyze-synthetic';

/**
 * One `uplift locations analyze` request: the method asked for, or for "auto" synthetic control below 5 treated
 * locations and DiD from 5 on (README, "Synthetic control"), summarised the same way for both. A DiD test is held
 * to its group-sequential boundary at every weekly look; a synthetic control decides at its last planned look
 * only (its placebo p-value cannot go below 1/(holdouts + 1)), so it has no z and no early boundary.
 */
export function analyzeLocationTest(input: LocationAnalysisInput): LocationTestSummary {
  const requested = input.method ?? LOCATION_ANALYSIS_DEFAULTS.method;
  const method = requested === 'auto' ? chooseLocationMethod(input.treatment.length) : requested;
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
