import type { AnalyzeRequest, VariantStats } from './request';
import { countProblem, ratioProblems, squaresTooSmall } from './variant-problems';

// ZAnalyzeRequest's rules as plain checks that allocate nothing for a valid binomial or mean request: the
// CLI runs this on every item of a file and asks zod only about the items it refuses, so every message still
// comes from the schema (request-check.test.ts holds both to the same verdict on valid and broken inputs).

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optionalNumber = (value: unknown) => value === undefined || isNumber(value);
const optionalNonNegative = (value: unknown) => value === undefined || (isNumber(value) && value >= 0);
const oneOf = (value: unknown, a: string, b: string, c = a) => value === a || value === b || value === c;

function isVariant(v: unknown): v is VariantStats {
  if (!isObject(v)) return false;
  const { key, users } = v;
  return (
    typeof key === 'string' &&
    key.length > 0 &&
    // zod's .int() accepts safe integers only.
    Number.isSafeInteger(users) &&
    (users as number) >= 0 &&
    optionalNumber(v.sum) &&
    optionalNonNegative(v.sumSquares) &&
    optionalNumber(v.preSum) &&
    optionalNonNegative(v.preSumSquares) &&
    optionalNumber(v.sumProduct) &&
    optionalNumber(v.numSum) &&
    optionalNonNegative(v.numSumSquares) &&
    optionalNumber(v.denSum) &&
    optionalNonNegative(v.denSumSquares) &&
    optionalNumber(v.numDenSum)
  );
}

function hasValidOptions(r: Fields): boolean {
  const { engine, difference, alpha, sequential, correction, cuped, weights } = r;
  if (engine !== undefined && !oneOf(engine, 'frequentist', 'bayesian')) return false;
  if (difference !== undefined && !oneOf(difference, 'relative', 'absolute')) return false;
  if (alpha !== undefined && !(isNumber(alpha) && alpha > 0 && alpha <= 0.5)) return false;
  if (sequential !== undefined && sequential !== null && !(isNumber(sequential) && sequential > 0)) return false;
  if (correction !== undefined && !oneOf(correction, 'none', 'holm', 'bh')) return false;
  if (cuped !== undefined && typeof cuped !== 'boolean') return false;
  if (weights === undefined) return true;
  if (!Array.isArray(weights)) return false;
  for (const w of weights) if (!(isNumber(w) && w > 0)) return false;
  return true;
}

/** A variant's cross-field rules, as ZAnalyzeRequest's check words them (duplicate keys are checked apart). */
function variantConsistent(metric: AnalyzeRequest['metric'], v: VariantStats, cuped: boolean): boolean {
  if (metric === 'ratio' ? ratioProblems(v, true).length > 0 : countProblem(metric, v, true) !== null) return false;
  if (!cuped) return true;
  const { preSum, preSumSquares, sumProduct } = v;
  if (preSum === undefined || preSumSquares === undefined || sumProduct === undefined) return false;
  return !squaresTooSmall(preSumSquares, preSum, v.users);
}

/**
 * True when ZAnalyzeRequest would accept the value as it is. The value is then usable as the parsed request:
 * zod's output differs only by dropping unknown fields, which `analyze` never reads.
 */
export function isAnalyzeRequest(value: unknown): value is AnalyzeRequest {
  if (!isObject(value)) return false;
  const { metric, variants, cuped, weights } = value;
  if (!oneOf(metric, 'binomial', 'mean', 'ratio') || !Array.isArray(variants) || variants.length < 2) return false;
  if (!hasValidOptions(value)) return false;
  if (cuped === true && metric === 'ratio') return false;
  if (Array.isArray(weights) && weights.length !== variants.length) return false;
  for (let i = 0; i < variants.length; i++) {
    const v: unknown = variants[i];
    if (!isVariant(v) || !variantConsistent(metric as AnalyzeRequest['metric'], v, cuped === true)) return false;
  }
  return uniqueKeys(variants as VariantStats[]);
}

/** A few arms are scanned pairwise, so a two-arm test allocates no Set. */
function uniqueKeys(variants: VariantStats[]): boolean {
  if (variants.length > 16) return new Set(variants.map((v) => v.key)).size === variants.length;
  for (let i = 1; i < variants.length; i++) {
    for (let j = 0; j < i; j++)
      if ((variants[j] as VariantStats).key === (variants[i] as VariantStats).key) return false;
  }
  return true;
}
