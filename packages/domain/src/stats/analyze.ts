import { alphaOf, compare, isBayesian, isRelative } from './compare';
import { type CupedFit, cupedEffect, cupedFit, cupedMoments } from './cuped';
import { type Metric, variantMean, variantVariance } from './moments';
import { ratioMean, ratioMoments } from './ratio';
import type { AnalyzeRequest, VariantStats } from './request';
import { srmTest } from './srm';
import type { AnalyzeResult, Comparison, FrequentistTreatmentResult, Moments } from './types';
import { applyCorrection, treatmentResult } from './verdict';

/**
 * Analyses one experiment: SRM check, then every treatment against the first variant (the control).
 * The request must satisfy ZAnalyzeRequest (validate at the boundary). This is the hot path a worker runs
 * thousands of times: no validation, no closures, no options object; little allocated beyond the result.
 */
export function analyze(request: AnalyzeRequest): AnalyzeResult {
  const { metric, variants } = request;
  const warnings: string[] = [];
  const srm = srmTest(variants, request.weights);
  if (srm.flagged) {
    warnings.push(
      `sample ratio mismatch (χ² p = ${srm.pValue.toPrecision(3)}): users do not match the expected split, so no result can be trusted`,
    );
  }
  if (request.sequential != null && isBayesian(request)) {
    warnings.push('sequential applies to the frequentist engine only; it was ignored');
  }

  let fit: CupedFit | null = null;
  if (request.cuped && metric === 'ratio') {
    warnings.push('CUPED applies to binomial and mean metrics only; this ratio metric is analysed unadjusted');
  } else if (request.cuped) {
    fit = cupedFit(variants, metric);
    if (fit === null) warnings.push('CUPED: the pre-period values do not vary, so the metric is analysed unadjusted');
  }

  const control = variants[0] as VariantStats;
  const a = momentsOf(metric, fit, control);
  let controlProblem: string | null = null;
  if (control.users < 2) controlProblem = `control "${control.key}" has fewer than 2 users`;
  else if (metric === 'ratio' && control.denSum === 0) {
    controlProblem = `control "${control.key}" has a denominator sum of 0, so its ratio is undefined`;
  } else if (a.mean === 0 && isRelative(request)) {
    controlProblem = `control "${control.key}" has mean 0, so a relative difference is undefined`;
  }
  if (controlProblem) warnings.push(`${controlProblem}; no treatment can be compared`);
  // With CUPED each treatment is compared twice: adjusted (the result) and raw (shown beside it).
  const rawControl = fit ? momentsOf(metric, null, control) : null;

  const rows: AnalyzeResult['variants'] = [{ key: control.key, users: control.users, mean: meanOf(metric, control) }];
  for (let i = 1; i < variants.length; i++) {
    const v = variants[i] as VariantStats;
    let comparison: Comparison | null = null;
    let compared = false;
    if (controlProblem === null) {
      if (v.users < 2) warnings.push(`variant "${v.key}" has fewer than 2 users; its statistics are null`);
      else if (metric === 'ratio' && v.denSum === 0) {
        warnings.push(
          `variant "${v.key}" has a denominator sum of 0, so its ratio is undefined; its statistics are null`,
        );
      } else {
        compared = true;
        comparison = compare(a, momentsOf(metric, fit, v), request);
        if (comparison === null) {
          warnings.push(`variant "${v.key}": the difference has zero variance; its statistics are null`);
        }
      }
    }
    const row = treatmentResult(v, meanOf(metric, v), comparison, request, srm.flagged);
    if (rawControl !== null && compared) {
      row.cuped = cupedEffect(comparison, compare(rawControl, momentsOf(metric, null, v), request));
    }
    rows.push(row);
  }

  // Corrections adjust fixed-horizon p-values; sequential and Bayesian results have none to adjust.
  const correction = request.correction ?? 'none';
  if (correction !== 'none') {
    if (isBayesian(request) || request.sequential != null) {
      warnings.push(`correction "${correction}" applies to fixed-horizon p-values only; it was ignored`);
    } else {
      applyCorrection(rows.slice(1) as FrequentistTreatmentResult[], correction, alphaOf(request), srm.flagged);
    }
  }
  const result: AnalyzeResult = { srm, variants: rows, warnings };
  if (request.cuped) result.cuped = { theta: fit ? fit.theta : null, correlation: fit ? fit.correlation : null };
  return result;
}

function momentsOf(metric: Metric, fit: CupedFit | null, v: VariantStats): Moments {
  if (fit) return cupedMoments(v, fit);
  if (metric === 'ratio') return ratioMoments(v);
  return { users: v.users, mean: (v.sum ?? 0) / v.users, variance: variantVariance(metric, v) };
}

const meanOf = (metric: Metric, v: VariantStats) => (metric === 'ratio' ? ratioMean(v) : variantMean(v));
