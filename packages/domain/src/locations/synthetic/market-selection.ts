import { mulberry32 } from '../../stats/prng';
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

/** n choose k, as a float (it only has to be compared with maxCandidates). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return Math.round(c);
}

/** Every k-subset of `pool`, in order. */
function allSets(pool: readonly string[], k: number): string[][] {
  if (k === 0) return [[]];
  return pool.flatMap((id, i) => allSets(pool.slice(i + 1), k - 1).map((rest) => [id, ...rest]));
}

/**
 * Up to `max` distinct k-subsets of `pool`, drawn by a seeded partial Fisher–Yates shuffle (mulberry32); all of
 * them, in order, when there are no more than `max`. A bounded random search stands in for GeoLift's exhaustive
 * market selection (R/pre_test_power.R `GeoLiftMarketSelection`), since C(40, 3) = 9,880 sets × the placebo fits
 * of each is far too much work for a command.
 */
export function candidateSets(pool: readonly string[], k: number, max: number, seed: number): string[][] {
  if (choose(pool.length, k) <= max) return allSets(pool, k);
  const random = mulberry32(seed);
  const seen = new Set<string>();
  const sets: string[][] = [];
  for (let attempt = 0; sets.length < max && attempt < 20 * max; attempt++) {
    const deck = [...pool];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(random() * (deck.length - i));
      [deck[i], deck[j]] = [deck[j]!, deck[i]!];
    }
    const set = deck.slice(0, k).sort();
    const key = set.join('\u0000');
    if (!seen.has(key)) sets.push(set);
    seen.add(key);
  }
  return sets;
}

const byPlan = (a: TreatmentSetEvaluation, b: TreatmentSetEvaluation) =>
  a.falseDetections - b.falseDetections ||
  (a.mde ?? Number.POSITIVE_INFINITY) - (b.mde ?? Number.POSITIVE_INFINITY) ||
  a.preRmspe - b.preRmspe;

/**
 * Plans a synthetic-control location test from historical weekly sales (README, "Synthetic control"): the minimum
 * detectable lift of a proposed treatment set, and candidate sets of a given size ranked by it (GeoLift's market
 * selection). The input must satisfy ZLocationPlanInput.
 */
export function planLocations(input: LocationPlanInput): LocationPlan {
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
  return {
    ...plan,
    proposed: proposed.length ? evaluateTreatmentSet(panel.series, proposed, settings) : null,
    ranked: sets.map((set) => evaluateTreatmentSet(panel.series, set, settings)).sort(byPlan),
    searched: sets.length,
    possible,
    exhaustive: sets.length >= possible,
  };
}
