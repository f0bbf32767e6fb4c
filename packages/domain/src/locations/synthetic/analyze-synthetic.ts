import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import type { ExperimentDecision } from '../../decision';
import { LOCATION_TEST_WEEKS } from '../decide';
import { LOCATION_ANALYSIS_DEFAULTS, type LocationAnalysisInput } from '../did-input';
import { decideSynthetic } from './decide-synthetic';
import { fitSynthetic, mean, relativeDeviations } from './fit';
import { salesPanel } from './panel';
import { placeboFits, placeboPower, placeboPValue, placeboSe, rmspeRatio } from './placebo';
import { syntheticWarnings } from './warnings';

export type SyntheticInput = Pick<
  LocationAnalysisInput,
  'rows' | 'treatment' | 'holdout' | 'start' | 'alpha' | 'mde'
> & {
  /** Post-period weeks planned; the test decides only once this many have been observed. */
  plannedWeeks?: number;
};

export interface SyntheticAnalysis {
  method: 'synthetic';
  /** Mean post-period gap treated − synthetic: extra weekly sales per treated location. */
  estimate: number | null;
  /** estimate over the synthetic series' post-period mean. */
  relative: number | null;
  se: number | null;
  relativeSe: number | null;
  ci: [number, number] | null;
  /** Placebo-in-space p-value (rank of the post/pre RMSPE ratio); at least 1 / (holdouts + 1). */
  pValue: number | null;
  /** p ≤ α at or after the last planned look; always false before it. */
  significant: boolean;
  /**
   * Power against a lift of `mde` (relative): the share of placebos that, lifted by `mde`, would reach p ≤ α
   * among the others (placeboPower). 0 when 1/(holdouts + 1) > α.
   */
  power: number | null;
  /** Post-period weeks observed, the planned number, and the p-value threshold now (null before the last look). */
  look: number;
  plannedWeeks: number;
  boundary: number | null;
  decision: ExperimentDecision;
  /** Holdout locations' weights, largest first: `weight` augmented (sums to 1), `scm` the simplex part. */
  weights: { location: string; weight: number; scm: number }[];
  lambda: number | null;
  /** Pre-period RMSPE of the fit as a share of the treated pre-period mean. */
  preRmspe: number | null;
  /** The treated locations' mean weekly sales and its synthetic counterpart, week by week. */
  series: { week: string; treated: number; synthetic: number }[];
  treatment: { locations: number; preMean: number | null };
  holdout: { locations: number };
  excluded: string[];
  warnings: string[];
}

/**
 * Ridge-augmented synthetic control (Abadie, Diamond & Hainmueller 2010; Ben-Michael, Feller & Rothstein 2021,
 * as in Meta's GeoLift) of the treated locations' average weekly sales from the holdout locations, with
 * placebo-in-space inference. The input must satisfy ZLocationAnalysisInput. See README, "Synthetic control".
 */
export function analyzeSynthetic(input: SyntheticInput): SyntheticAnalysis {
  const alpha = input.alpha ?? LOCATION_ANALYSIS_DEFAULTS.alpha;
  const mde = input.mde ?? LOCATION_ANALYSIS_DEFAULTS.mde;
  const plannedWeeks = input.plannedWeeks ?? LOCATION_TEST_WEEKS;
  const panel = salesPanel(input.rows, [...input.treatment, ...input.holdout], input.start);
  const treated = input.treatment.filter((id) => panel.series.has(id));
  const donors = input.holdout.filter((id) => panel.series.has(id));
  const look = panel.weeks.length - panel.preWeeks;
  const warnings = syntheticWarnings(panel, treated.length, donors.length, alpha);
  const result: SyntheticAnalysis = {
    method: 'synthetic',
    estimate: null,
    relative: null,
    se: null,
    relativeSe: null,
    ci: null,
    pValue: null,
    significant: false,
    power: null,
    look,
    plannedWeeks,
    boundary: null,
    decision: { outcome: 'NO_DATA', reason: '', winner: null },
    weights: [],
    lambda: null,
    preRmspe: null,
    series: [],
    treatment: { locations: treated.length, preMean: null },
    holdout: { locations: donors.length },
    excluded: panel.excluded.map((e) => e.location),
    warnings,
  };
  if (treated.length === 0 || donors.length < 2 || panel.preWeeks < 3 || look === 0) {
    warnings.push(
      `a synthetic control needs a treated location and at least 2 holdout locations with every week's sales, 3 weeks before ${input.start} and 1 from it (treated ${treated.length}, holdouts ${donors.length}, weeks ${panel.preWeeks} + ${look}); the statistics are null`,
    );
    return { ...result, decision: decideSynthetic({ ...result, alpha }) };
  }

  const average = panel.weeks.map((_, t) => mean(treated.map((id) => panel.series.get(id)![t]!)));
  const level = mean(average.slice(0, panel.preWeeks));
  const donorDeviations = donors.map((id) => relativeDeviations(panel.series.get(id)!, panel.preWeeks));
  const fit = fitSynthetic(relativeDeviations(average, panel.preWeeks), donorDeviations, panel.preWeeks, level);
  const placebos = placeboFits(donorDeviations, panel.preWeeks, treated.length);
  const pValue = placeboPValue(rmspeRatio(fit), placebos);
  const syntheticPost = mean(fit.synthetic.slice(panel.preWeeks));
  const estimate = mean(average.slice(panel.preWeeks)) - syntheticPost;
  const relativeSe = placeboSe(fit, placebos);
  const se = relativeSe === null ? null : relativeSe * level;
  const z = nquantile(1 - alpha / 2, 0, 1);
  if (!(syntheticPost > 0)) warnings.push('the synthetic series is not positive after the start; relative is null');
  const final = look >= plannedWeeks;
  const stats = {
    ...result,
    estimate,
    relative: syntheticPost > 0 ? estimate / syntheticPost : null,
    se,
    relativeSe: se !== null && syntheticPost > 0 ? se / syntheticPost : null,
    ci: se === null ? null : ([estimate - z * se, estimate + z * se] as [number, number]),
    pValue,
    significant: final && pValue <= alpha,
    power: placeboPower(placebos, mde, alpha),
    boundary: final ? alpha : null,
    weights: donors
      .map((location, j) => ({ location, weight: fit.weights[j]!, scm: fit.scmWeights[j]! }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
    lambda: fit.lambda,
    preRmspe: fit.preRmspe,
    series: panel.weeks.map((week, t) => ({ week, treated: average[t]!, synthetic: fit.synthetic[t]! })),
    treatment: { locations: treated.length, preMean: level },
  };
  return { ...stats, decision: decideSynthetic({ ...stats, alpha }) };
}
