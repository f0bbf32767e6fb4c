import { ZAnalyzeRequest } from '@uplift/domain';
import { exampleHelp, fieldsHelp } from '../input-help';

// `uplift analyze --help`'s text: apart from analyze.ts, which loads it only when help may be shown, because the
// field list is drawn from the zod schema and analyze's hot path starts without zod and the rest of the domain.

export const ANALYZE_EXAMPLE = `{ "metric": "binomial",
  "variants": [{ "key": "control", "users": 1000, "sum": 120 }, { "key": "gift", "users": 1000, "sum": 150 }] }`;

export const analyzeDetails = () => `
${fieldsHelp('one request, or an array of them', ZAnalyzeRequest)}
  The first variant is the control. sum is the conversions (binomial) or Σx (mean, with sumSquares Σx²);
  ratio gives numSum, numSumSquares, denSum, denSumSquares, numDenSum instead (per-unit numerator m and
  denominator d: Σm, Σm², Σd, Σd², Σm·d; delta method, Deng et al. 2018). alpha defaults to 0.05;
  sequential is the tuning sample size N* of an always-valid test, or null.
  cuped (binomial or mean): every variant also gives preSum, preSumSquares, sumProduct = Σx_pre, Σx_pre²,
    Σx·x_pre of a pre-period covariate; binomial outcomes are adjusted as 0/1 values (as GrowthBook does).

${exampleHelp('analyze', ANALYZE_EXAMPLE)}

Result (one object, or an array in request order):
  { srm: { chiSquare, pValue, flagged },
    variants: [{ key, users, mean }, { key, users, mean, estimate, se, ci, pValue, adjustedPValue?,
                significant, decision, cuped? } | Bayesian: { ..., chanceToWin, risk, significant, decision,
                cuped? }],
    warnings: [...], cuped?: { theta, correlation } }
  mean is sum/users (ratio: numSum/denSum), unadjusted. With CUPED applied, each compared treatment has
  cuped: { raw: { estimate, se, ci, pValue, chanceToWin, risk } | null, varianceReduction, intervalReduction }
  (raw: the same comparison unadjusted; intervalReduction 0.31 = "CUPED cut the interval by 31%"), and the
  top level gives θ and the pooled correlation ρ of metric and covariate.
  decision is "win" | "loss" | "inconclusive" | "srm": with a sample ratio mismatch it is "srm" and
  significant is false, so a broken split never reads as a win. Degenerate data gives null statistics
  and a warning.

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr,
  "request N: field: problem" (a lone request is request 0).`;
