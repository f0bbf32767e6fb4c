import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import nquantile from '@stdlib/stats-base-dists-normal-quantile';
import { differenceEstimate, differenceSe } from '../stats/difference';
import { welchDf, welchHalfWidth, welchPValue } from '../stats/welch';
import { LOCATION_ANALYSIS_DEFAULTS, type LocationAnalysisInput } from './did-input';
import { sampleMoments } from './sample-moments';

export interface LocationGroupSummary {
  /** Locations analysed: listed in the group and with weeks both before and from the start. */
  locations: number;
  /** Means over those locations of their mean weekly sales before / from the start; null without locations. */
  preMean: number | null;
  postMean: number | null;
  /** Mean of the per-location change d = post − pre. */
  change: number | null;
}

export interface LocationAnalysis {
  treatment: LocationGroupSummary;
  holdout: LocationGroupSummary;
  /** mean(d_treatment) − mean(d_holdout): extra weekly sales per treated location. null when degenerate. */
  estimate: number | null;
  /** estimate over the treatment's counterfactual post-period mean, preMean_T + change_H (see analyzeLocations). */
  relative: number | null;
  se: number | null;
  df: number | null;
  ci: [number, number] | null;
  pValue: number | null;
  significant: boolean;
  /** Power of this test against a lift of `mde` × preMean_T at the observed standard error. */
  power: number | null;
  /** Listed locations left out for want of pre- or post-period weeks. */
  excluded: string[];
  warnings: string[];
}

const listed = (ids: string[]) =>
  ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;

type Weeks = { pre: number; preWeeks: number; post: number; postWeeks: number };

/**
 * Difference-in-differences over locations: each location's change d = post − pre in mean weekly sales, then a
 * Welch t-test of mean(d_T) − mean(d_H) (Angrist & Pischke, Mostly Harmless Econometrics §5.2; GrowthBook stats
 * engine docs for the Welch df, p and interval). Weeks are compared to `start` as ISO strings; a location's
 * missing weeks are simply absent from its means. The relative lift divides by the counterfactual
 * preMean_T + change_H — what the treatment would have sold under the holdout's trend (DiD's parallel-trends
 * assumption) — and treats that denominator as known. The input must satisfy ZLocationAnalysisInput.
 */
export function analyzeLocations(input: LocationAnalysisInput): LocationAnalysis {
  const alpha = input.alpha ?? LOCATION_ANALYSIS_DEFAULTS.alpha;
  const mde = input.mde ?? LOCATION_ANALYSIS_DEFAULTS.mde;
  const weeks = new Map<string, Weeks>();
  for (const id of [...input.treatment, ...input.holdout])
    weeks.set(id, { pre: 0, preWeeks: 0, post: 0, postWeeks: 0 });
  let strays = 0;
  for (const row of input.rows) {
    const w = weeks.get(row.location);
    if (!w) strays++;
    else if (row.week < input.start) {
      w.pre += row.sales;
      w.preWeeks++;
    } else {
      w.post += row.sales;
      w.postWeeks++;
    }
  }

  const missing = { rows: [] as string[], pre: [] as string[], post: [] as string[] };
  const summarise = (ids: string[]) => {
    const pre: number[] = [];
    const post: number[] = [];
    for (const id of ids) {
      const w = weeks.get(id)!;
      if (w.preWeeks === 0) (w.postWeeks === 0 ? missing.rows : missing.pre).push(id);
      else if (w.postWeeks === 0) missing.post.push(id);
      else {
        pre.push(w.pre / w.preWeeks);
        post.push(w.post / w.postWeeks);
      }
    }
    const change = sampleMoments(post.map((p, i) => p - pre[i]!));
    const n = change.users;
    const summary: LocationGroupSummary = {
      locations: n,
      preMean: n ? sampleMoments(pre).mean : null,
      postMean: n ? sampleMoments(post).mean : null,
      change: n ? change.mean : null,
    };
    return { summary, change };
  };
  const t = summarise(input.treatment);
  const h = summarise(input.holdout);

  const warnings: string[] = [];
  if (missing.rows.length) warnings.push(`no sales rows for ${listed(missing.rows)}; excluded`);
  if (missing.pre.length) warnings.push(`no weeks before ${input.start} for ${listed(missing.pre)}; excluded`);
  if (missing.post.length) warnings.push(`no weeks from ${input.start} on for ${listed(missing.post)}; excluded`);
  if (strays) warnings.push(`${strays} rows belong to locations in neither group; they were ignored`);
  const result: LocationAnalysis = {
    treatment: t.summary,
    holdout: h.summary,
    estimate: null,
    relative: null,
    se: null,
    df: null,
    ci: null,
    pValue: null,
    significant: false,
    power: null,
    excluded: [...missing.rows, ...missing.pre, ...missing.post],
    warnings,
  };

  if (t.change.users < 2 || h.change.users < 2) {
    warnings.push(
      `each group needs at least 2 locations with weeks before and from ${input.start} (treatment has ${t.change.users}, holdout ${h.change.users}); the statistics are null`,
    );
    return result;
  }
  const se = differenceSe(h.change, t.change, false);
  if (!(se > 0)) {
    warnings.push(
      'every location changed by the same amount, so the difference has zero variance; the statistics are null',
    );
    return result;
  }
  const estimate = differenceEstimate(h.change, t.change, false);
  const df = welchDf(h.change, t.change);
  const pValue = welchPValue(estimate / se, df);
  const halfWidth = welchHalfWidth(se, df, alpha);
  const treatmentPre = t.summary.preMean!;
  const counterfactual = treatmentPre + h.summary.change!;
  if (!(counterfactual > 0)) {
    warnings.push(
      "the treatment's counterfactual sales (preMean + the holdout's change) are not positive; relative is null",
    );
  }
  return {
    ...result,
    estimate,
    relative: counterfactual > 0 ? estimate / counterfactual : null,
    se,
    df,
    ci: [estimate - halfWidth, estimate + halfWidth],
    pValue,
    significant: pValue < alpha,
    power: power(mde * treatmentPre, se, alpha),
  };
}

/** Two-sided power π = 1 − Φ(z_{1−α/2} − δ/se) + Φ(−z_{1−α/2} − δ/se), normal approximation (GrowthBook power docs). */
function power(effect: number, se: number, alpha: number): number {
  const critical = nquantile(1 - alpha / 2, 0, 1);
  const shift = effect / se;
  return 1 - ncdf(critical - shift, 0, 1) + ncdf(-critical - shift, 0, 1);
}
