import { fitSynthetic, mean, relativeDeviations } from './fit';
import { liftedRatio, type Placebo, placeboFits, placeboPValue } from './placebo';

/** Relative lifts the power is simulated for: +1% to +50% in steps of 1%. */
export const PLAN_EFFECTS = Array.from({ length: 50 }, (_, i) => (i + 1) / 100);

export interface TreatmentSetEvaluation {
  treatment: string[];
  /** Smallest lift on PLAN_EFFECTS detected in at least `power` of the windows; null when none is. */
  mde: number | null;
  /** Share of windows in which each lift was detected (p ≤ α), for lifts up to the MDE (or all when none). */
  powerCurve: { effect: number; power: number }[];
  /** Mean pre-period RMSPE of the fits, as a share of the treated pre-period mean: how well history is matched. */
  preRmspe: number;
  /**
   * Share of windows in which the set reaches p ≤ α with no lift at all: its synthetic control drifted away from
   * it, which would make any lift look detectable (GeoLift ranks by the lift estimated at zero for the same
   * reason). Sets with any rank after those without.
   */
  falseDetections: number;
}

export interface PlanSettings {
  testWeeks: number;
  windows: number;
  alpha: number;
  power: number;
}

/** One historical window: the treated fit's weekly figures after the cut, and the placebos to rank against. */
interface WindowFit {
  preRmspe: number;
  /** Post-period gaps and relative deviations of the treated average (relative units). */
  gaps: number[];
  deviations: number[];
  placebos: Placebo[];
}

/**
 * Fits a treatment set on one historical window: the `testWeeks` weeks ending `offset` weeks before the last are
 * the would-be test; the weeks before them the pre-period; later weeks are ignored.
 */
function fitWindow(series: Map<string, number[]>, set: readonly string[], testWeeks: number, offset: number) {
  const total = series.values().next().value!.length;
  const end = total - offset;
  const pre = end - testWeeks;
  const cut = (xs: readonly number[]) => xs.slice(0, end);
  const treated = set.map((id) => cut(series.get(id)!));
  const average = treated[0]!.map((_, t) => mean(treated.map((s) => s[t]!)));
  const chosen = new Set(set);
  const donors = [...series].filter(([id]) => !chosen.has(id)).map(([, s]) => relativeDeviations(cut(s), pre));
  const deviations = relativeDeviations(average, pre);
  const fit = fitSynthetic(deviations, donors, pre, 1);
  const placebos = placeboFits(donors, pre, set.length);
  return { preRmspe: fit.preRmspe, gaps: fit.gaps.slice(pre), deviations: deviations.slice(pre), placebos };
}

/** Whether a lift `effect` injected into the window's test weeks would reach p ≤ α against its placebos. */
function detected(window: WindowFit, effect: number, alpha: number): boolean {
  const ratio = liftedRatio(window.gaps, window.deviations, window.preRmspe, effect);
  return placeboPValue(ratio, window.placebos) <= alpha;
}

/**
 * Minimum detectable lift of a treatment set by simulated effects, as GeoLift's power analysis does
 * (facebookincubator/GeoLift, R/pre_test_power.R `GeoLiftPower`: inject each effect size into historical test
 * windows, run the test, count detections). For each of `windows` historical windows, the synthetic control and
 * its placebos are fitted once; each lift on PLAN_EFFECTS then only moves the treated post-period gaps, and is
 * detected when the placebo p-value (placebo.ts) reaches α. Power is the share of windows detecting it, so it
 * moves in steps of 1/windows. `series` must hold complete weekly series with positive means (salesPanel).
 */
export function evaluateTreatmentSet(
  series: Map<string, number[]>,
  set: readonly string[],
  settings: PlanSettings,
): TreatmentSetEvaluation {
  const fits = Array.from({ length: settings.windows }, (_, offset) =>
    fitWindow(series, set, settings.testWeeks, offset),
  );
  const powerCurve: TreatmentSetEvaluation['powerCurve'] = [];
  let mde: number | null = null;
  for (const effect of PLAN_EFFECTS) {
    const power = fits.filter((w) => detected(w, effect, settings.alpha)).length / fits.length;
    powerCurve.push({ effect, power });
    if (power >= settings.power) {
      mde = effect;
      break;
    }
  }
  return {
    treatment: [...set],
    mde,
    powerCurve,
    preRmspe: mean(fits.map((w) => w.preRmspe)),
    falseDetections: fits.filter((w) => detected(w, 0, settings.alpha)).length / fits.length,
  };
}
