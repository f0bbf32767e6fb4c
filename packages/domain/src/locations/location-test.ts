import type { ExperimentDecision } from '../decision';
import { decideLocationTest } from './decide';
import { analyzeLocations, type LocationAnalysis } from './did';
import { LOCATION_ANALYSIS_DEFAULTS, type LocationAnalysisInput, type LocationMethod } from './did-input';
import { postPeriodWeeks, type SequentialLook, sequentialLook } from './sequential-look';

/** Below this many treated locations a synthetic control fits the counterfactual better than DiD (issue 11). */
export const SYNTHETIC_BELOW_TREATED = 5;

/** What `method: "auto"` resolves to for a test with `treatedCount` treated locations. */
export function chooseLocationMethod(treatedCount: number): 'did' | 'synthetic' {
  return treatedCount < SYNTHETIC_BELOW_TREATED ? 'synthetic' : 'did';
}

export const SYNTHETIC_UNAVAILABLE = 'synthetic control not available in this build; used DiD';

/**
 * The one switch from a resolved method to its estimator. Synthetic control is not wired in yet, so it falls back
 * to DiD with a warning; replace this function's body when it is.
 */
function estimate(method: 'did' | 'synthetic', input: LocationAnalysisInput) {
  const analysis = analyzeLocations(input);
  if (method === 'did') return { method: 'did' as const, analysis };
  return { method: 'did' as const, analysis: { ...analysis, warnings: [SYNTHETIC_UNAVAILABLE, ...analysis.warnings] } };
}

/** What a location-test snapshot stores: the analysis and, since weekly looks, where it stood against its boundary. */
export type StoredLocationAnalysis = LocationAnalysis & { sequential?: SequentialLook };

export interface LocationTestResult {
  method: 'did' | 'synthetic';
  analysis: LocationAnalysis;
  sequential: SequentialLook;
  decision: ExperimentDecision;
}

/**
 * A location test at the week its data has reached: the estimate by the requested (or chosen) method, this look
 * against its group-sequential boundary, and the decision. `previousLook` as in decideLocationTest.
 */
export function runLocationTest(input: LocationAnalysisInput, previousLook: number | null = null): LocationTestResult {
  const requested: LocationMethod = input.method ?? LOCATION_ANALYSIS_DEFAULTS.method;
  const resolved = requested === 'auto' ? chooseLocationMethod(input.treatment.length) : requested;
  const { method, analysis } = estimate(resolved, input);
  const sequential = sequentialLook(
    analysis,
    postPeriodWeeks(input.rows, input.start),
    input.plannedWeeks ?? LOCATION_ANALYSIS_DEFAULTS.plannedWeeks,
    input.alpha ?? LOCATION_ANALYSIS_DEFAULTS.alpha,
  );
  return { method, analysis, sequential, decision: decideLocationTest(analysis, sequential, previousLook) };
}

/** The CLI's and API's summary of a location test: per-look ci and p, the decision by the boundary. */
export interface LocationTestSummary {
  method: 'did' | 'synthetic';
  estimate: number | null;
  relative: number | null;
  /** se of `relative`: the DiD's se over the counterfactual mean, which `relative` treats as known. */
  relativeSe: number | null;
  ci: [number, number] | null;
  pValue: number | null;
  power: number | null;
  look: number;
  plannedWeeks: number;
  boundary: number;
  z: number | null;
  decision: { outcome: ExperimentDecision['outcome']; reason: string };
  warnings: string[];
}

export function summarizeLocationTest({ method, analysis, sequential, decision }: LocationTestResult) {
  const { relative, se } = analysis;
  // relative is non-null only when the counterfactual preMean_T + change_H is positive (analyzeLocations).
  const counterfactual = (analysis.treatment.preMean ?? 0) + (analysis.holdout.change ?? 0);
  const summary: LocationTestSummary = {
    method,
    estimate: analysis.estimate,
    relative,
    relativeSe: relative !== null && se !== null ? se / counterfactual : null,
    ci: analysis.ci,
    pValue: analysis.pValue,
    power: analysis.power,
    look: sequential.look,
    plannedWeeks: sequential.plannedWeeks,
    boundary: sequential.boundary,
    z: sequential.z,
    decision: { outcome: decision.outcome, reason: decision.reason },
    warnings: analysis.warnings,
  };
  return summary;
}
