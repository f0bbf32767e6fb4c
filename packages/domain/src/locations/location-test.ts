import type { ExperimentDecision } from '../decision';
import type { LocationSplitRecord } from '../experiment';
import { decideLocationTest } from './decide';
import { analyzeLocations, type LocationAnalysis } from './did';
import { LOCATION_ANALYSIS_DEFAULTS, type LocationAnalysisInput, type LocationMethod } from './did-input';
import { postPeriodWeeks, type SequentialLook, sequentialLook } from './sequential-look';
import type { SyntheticAnalysis } from './synthetic/analyze-synthetic';
import { prefersSynthetic } from './synthetic/warnings';
import type { WeeklyGroupMeans } from './weekly-means';

/** What `method: "auto"` resolves to for a test with `treatedCount` treated locations (synthetic/warnings.ts). */
export function chooseLocationMethod(treatedCount: number): 'did' | 'synthetic' {
  return prefersSynthetic(treatedCount) ? 'synthetic' : 'did';
}

/** The method a test runs: the one asked for, or for "auto" (the default) by its number of treated locations. */
export function resolveLocationMethod(requested: LocationMethod | undefined, treatedCount: number) {
  const method = requested ?? LOCATION_ANALYSIS_DEFAULTS.method;
  return method === 'auto' ? chooseLocationMethod(treatedCount) : method;
}

/**
 * The method a stored split asks for. A split made before the choice existed has none: its test was started
 * as a DiD and keeps that method, so a running test never switches estimator (and snapshot shape) mid-way.
 */
export const storedLocationMethod = (split: Pick<LocationSplitRecord, 'method'>): LocationMethod =>
  split.method ?? 'did';

/**
 * What a location-test snapshot stores: a DiD with (since weekly looks) where it stood against its boundary and
 * (since its chart) the groups' weekly means, or a synthetic control (`method: "synthetic"`).
 */
export type StoredLocationAnalysis =
  | (LocationAnalysis & { sequential?: SequentialLook; weekly?: WeeklyGroupMeans[] })
  | SyntheticAnalysis;

export const isSyntheticAnalysis = (analysis: object): analysis is SyntheticAnalysis =>
  'method' in analysis && analysis.method === 'synthetic';

export interface LocationTestResult {
  method: 'did';
  analysis: LocationAnalysis;
  sequential: SequentialLook;
  decision: ExperimentDecision;
}

/**
 * A difference-in-differences location test at the week its data has reached: the estimate, this look against
 * its group-sequential boundary, and the decision. `previousLook` as in decideLocationTest. (A synthetic-control
 * test decides only at its last look: analyzeLocationTest in analyze-location-test.ts picks between the two.)
 */
export function runLocationTest(input: LocationAnalysisInput, previousLook: number | null = null): LocationTestResult {
  const method = 'did' as const;
  const analysis = analyzeLocations(input);
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
  /** The critical |z| of this look (DiD); for a synthetic control the p-value threshold α at its last look, else null. */
  boundary: number | null;
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
