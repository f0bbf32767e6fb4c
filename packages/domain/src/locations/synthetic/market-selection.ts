import { candidateSets, choose } from './candidate-sets';
import { salesPanel } from './panel';
import { evaluateTreatmentSet, type PlanSettings, type TreatmentSetEvaluation } from './plan';
import { LOCATION_PLAN_DEFAULTS, type LocationPlanInput } from './plan-input';
import { SYNTHETIC_GUIDANCE } from './warnings';

export interface LocationPlan extends PlanSettings {
  /** The proposed treatment set's evaluation, when one was given. */
  proposed: TreatmentSetEvaluation | null;
  /**
   * Candidate treatment sets of `treatmentSize`, best first: fewest false detections, then smallest MDE, then
   * best pre-period fit.
   */
  ranked: TreatmentSetEvaluation[];
  treatmentSize: number;
  /** Sets evaluated, out of how many possible; `exhaustive` when that was all of them. */
  searched: number;
  possible: number;
  exhaustive: boolean;
  seed: number;
  excluded: string[];
  warnings: string[];
}

const byPlan = (a: TreatmentSetEvaluation, b: TreatmentSetEvaluation) =>
  a.falseDetections - b.falseDetections ||
  (a.mde ?? Number.POSITIVE_INFINITY) - (b.mde ?? Number.POSITIVE_INFINITY) ||
  a.preRmspe - b.preRmspe;

/** How far a plan has got: treatment sets evaluated, of how many. */
export interface LocationPlanProgress {
  done: number;
  total: number;
}

/**
 * Plans a synthetic-control location test from historical weekly sales (README, "Synthetic control"): the minimum
 * detectable lift of a proposed treatment set, and candidate sets of a given size ranked by it (GeoLift's market
 * selection). The input must satisfy ZLocationPlanInput. `onProgress` hears after each set evaluated.
 */
export function planLocations(
  input: LocationPlanInput,
  onProgress?: (progress: LocationPlanProgress) => void,
): LocationPlan {
  const steps = planLocationSteps(input);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

/**
 * planLocations one treatment set at a time: yields the progress after each evaluation and returns the plan, so
 * a caller that must stay responsive (the worker renewing its job lock) can pause between sets.
 */
export function* planLocationSteps(input: LocationPlanInput): Generator<LocationPlanProgress, LocationPlan> {
  const d = LOCATION_PLAN_DEFAULTS;
  const everyone = [...new Set(input.rows.map((r) => r.location))].sort();
  // No start date: every week is history, so the whole calendar is "pre-period" for the panel's checks.
  const panel = salesPanel(input.rows, everyone, '9999-12-31');
  const settings: PlanSettings = {
    testWeeks: input.testWeeks ?? d.testWeeks,
    windows: input.windows ?? d.windows,
    alpha: input.alpha ?? d.alpha,
    power: input.power ?? d.power,
  };
  const treatmentSize = input.treatmentSize ?? input.treatment?.length ?? 2;
  const seed = input.seed ?? d.seed;
  const warnings = panel.excluded.map((e) => `${e.reason} for ${e.location}; excluded`);
  const plan: LocationPlan = {
    ...settings,
    proposed: null,
    ranked: [],
    treatmentSize,
    searched: 0,
    possible: 0,
    exhaustive: true,
    seed,
    excluded: panel.excluded.map((e) => e.location),
    warnings,
  };
  const kept = (ids: readonly string[]) => ids.filter((id) => panel.series.has(id));
  const pool = kept(input.candidates ?? everyone);
  const holdouts = panel.series.size - treatmentSize;
  const preWeeks = panel.weeks.length - settings.testWeeks - settings.windows + 1;
  if (preWeeks < 3 || holdouts < 2 || pool.length < treatmentSize) {
    warnings.push(
      `planning needs at least ${settings.testWeeks + settings.windows + 2} weeks of complete history (testWeeks + windows + 2; there are ${panel.weeks.length}) and ${treatmentSize + 2} complete locations (there are ${panel.series.size}); nothing was planned`,
    );
    return plan;
  }
  if (panel.series.size < SYNTHETIC_GUIDANCE.locations) {
    warnings.push(
      `only ${panel.series.size} locations: GeoLift's guidance is at least ${SYNTHETIC_GUIDANCE.locations} candidate locations`,
    );
  }
  if (preWeeks < SYNTHETIC_GUIDANCE.preWeeks) {
    warnings.push(
      `only ${preWeeks} pre-period weeks in the earliest window: GeoLift's guidance is at least ${SYNTHETIC_GUIDANCE.preWeeks}; give more history or fewer windows`,
    );
  }
  if (Math.floor(settings.alpha * (holdouts + 1) + 1e-9) === 0) {
    warnings.push(
      `with ${holdouts} holdouts the placebo p-value cannot go below 1/${holdouts + 1} > α = ${settings.alpha}: no lift is detectable; use more locations`,
    );
  }
  const proposed = input.treatment ? kept(input.treatment) : [];
  if (input.treatment && proposed.length < input.treatment.length) {
    warnings.push('some proposed treatment locations lack complete history; the proposal was evaluated without them');
  }
  const sets = candidateSets(pool, treatmentSize, input.maxCandidates ?? d.maxCandidates, seed);
  const possible = choose(pool.length, treatmentSize);
  const progress = { done: 0, total: sets.length + (proposed.length ? 1 : 0) };
  yield { ...progress };
  let proposal: TreatmentSetEvaluation | null = null;
  if (proposed.length) {
    proposal = evaluateTreatmentSet(panel.series, proposed, settings);
    progress.done++;
    yield { ...progress };
  }
  const ranked: TreatmentSetEvaluation[] = [];
  for (const set of sets) {
    ranked.push(evaluateTreatmentSet(panel.series, set, settings));
    progress.done++;
    yield { ...progress };
  }
  return {
    ...plan,
    proposed: proposal,
    ranked: ranked.sort(byPlan),
    searched: sets.length,
    possible,
    exhaustive: sets.length >= possible,
  };
}
