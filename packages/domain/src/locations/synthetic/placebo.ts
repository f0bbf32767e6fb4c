import { fitSynthetic, rms, type SyntheticFit } from './fit';

/**
 * Placebo-in-space inference (Abadie, Diamond & Hainmueller 2010, §2.4 and Fig. 7): refit the same estimator
 * with each holdout location in turn as if treated, from the other holdouts (never from the treated), and rank
 * the treated fit's post/pre RMSPE ratio among all of them. The ratio, not the post gap alone, is ranked so that
 * a location the synthetic control fits badly before the start does not look treated after it.
 *
 * The treated series is the average of k locations, so its weekly noise is about 1/√k of one store's, and a
 * ranking against single stores is not a like-for-like comparison: on factor-model sales with k = 2 the treated
 * average out-ranked the single-store placebos too often under no effect (A/A: 62% of p-values ≤ 0.5, 5.7% ≤ 0.05,
 * Kolmogorov–Smirnov distance 0.14 over 300 runs; README, "Synthetic control"). So placebo j averages holdout j
 * with k − 1 others, the holdouts j + s, j + 2s, … (mod n, stride s = ⌊n/k⌋, so each holdout leads one placebo and
 * sits in k), and is fitted from the holdouts outside its group. With k = 1 this is ADH's test exactly.
 */

export interface Placebo {
  preRmspe: number;
  postRmspe: number;
  /** Mean post-period gap in relative units. */
  postGap: number;
  /** The post-period weeks' gaps and the placebo series' relative deviations, for injecting simulated lifts. */
  postGaps: number[];
  postDeviations: number[];
}

/**
 * Holdout j's placebo group of `size` holdouts out of `count` (see above); j itself first. When `size` divides
 * `count`, the stride ⌊n/k⌋ would wrap around onto the same set from k different j (k = 2, n = 22: {j, j + 11} =
 * {j + 11, j + 22}), leaving only n/k distinct placebos and making the treated fit rank first far too often (A/A:
 * 12% at p = 1/23 on 24 stores); the stride ⌊n/k⌋ − 1 never does.
 */
export function placeboGroup(j: number, size: number, count: number): number[] {
  const spread = Math.floor(count / size);
  const stride = Math.max(1, (spread * size) % count === 0 ? spread - 1 : spread);
  return Array.from({ length: size }, (_, i) => (j + i * stride) % count);
}

/**
 * Each holdout's placebo group (of `groupSize` holdouts, as many as treated locations) refitted as if treated
 * from the holdouts outside it, in relative units. Each placebo runs the whole estimator, its own λ
 * cross-validated too: λ is tuned to lower the fit's pre-period error, and a treated fit alone tuned that way
 * would out-rank its placebos by construction. Series are relative deviations (relativeDeviations), so the
 * group's average is taken over them: every store counts alike.
 */
export function placeboFits(donors: readonly (readonly number[])[], preWeeks: number, groupSize = 1): Placebo[] {
  const size = Math.min(groupSize, Math.max(1, donors.length - 2));
  return donors.map((_, j) => {
    const group = new Set(placeboGroup(j, size, donors.length));
    const members = [...group].map((k) => donors[k]!);
    const target = members[0]!.map((_, t) => members.reduce((s, d) => s + d[t]!, 0) / members.length);
    const others = donors.filter((_, k) => !group.has(k));
    const { preRmspe, postRmspe, postGap, gaps } = fitSynthetic(target, others, preWeeks, 1);
    return { preRmspe, postRmspe, postGap, postGaps: gaps.slice(preWeeks), postDeviations: target.slice(preWeeks) };
  });
}

/** post/pre RMSPE, with the pre-period floor keeping a perfect pre-period fit finite. */
export const rmspeRatio = (fit: Pick<SyntheticFit, 'preRmspe' | 'postRmspe'>) =>
  fit.postRmspe / Math.max(fit.preRmspe, 1e-12);

/**
 * p = (1 + #{placebos with a ratio ≥ the treated's}) / (placebos + 1): the treated series' rank among all fits
 * (ADH 2010). It cannot go below 1 / (placebos + 1).
 */
export function placeboPValue(ratio: number, placebos: readonly Placebo[]): number {
  const atLeast = placebos.filter((p) => rmspeRatio(p) >= ratio).length;
  return (1 + atLeast) / (placebos.length + 1);
}

/**
 * Standard error of the treated fit's mean post gap, in relative units: the spread of the placebos' mean post
 * gaps, each over its own pre-period RMSPE, times the treated fit's pre-period RMSPE. Standardising lets single
 * stores stand in for the treated average, whose weekly noise is smaller. Null with fewer than 2 placebos.
 */
export function placeboSe(treated: Pick<SyntheticFit, 'preRmspe'>, placebos: readonly Placebo[]): number | null {
  if (placebos.length < 2) return null;
  const z = placebos.map((p) => p.postGap / Math.max(p.preRmspe, 1e-12));
  // Root mean square about zero, not about the placebos' mean: under no effect their gaps centre on zero, and a
  // shared drift the synthetic controls miss is error the treated fit shares.
  return Math.sqrt(z.reduce((s, x) => s + x * x, 0) / z.length) * treated.preRmspe;
}

/**
 * post/pre RMSPE ratio of a fit had its sales been lifted by `effect` after the start: sales × (1 + e) turn a
 * relative deviation x into x + e(1 + x), and the synthetic series does not move.
 */
export function liftedRatio(gaps: readonly number[], deviations: readonly number[], preRmspe: number, effect: number) {
  return rms(gaps.map((g, t) => g + effect * (1 + deviations[t]!))) / Math.max(preRmspe, 1e-12);
}

/**
 * Power against a relative lift `effect`, by simulation on the placebos (as GeoLift injects effects, R/
 * pre_test_power.R): the share of placebos that, lifted by `effect`, would rank first enough among the other
 * placebos to reach p ≤ α. Slightly conservative: ranked among n − 1 others, not n. Null with under 2 placebos.
 */
export function placeboPower(placebos: readonly Placebo[], effect: number, alpha: number): number | null {
  if (placebos.length < 2) return null;
  const detected = placebos.filter((p, j) => {
    const ratio = liftedRatio(p.postGaps, p.postDeviations, p.preRmspe, effect);
    return (
      placeboPValue(
        ratio,
        placebos.filter((_, k) => k !== j),
      ) <= alpha
    );
  }).length;
  return detected / placebos.length;
}
