import { analyze, ZAnalyzeRequest } from '@uplift/domain';
import type { Command } from 'commander';
import { parseRequests, readJson, runCommand, writeResults } from '../io';

export async function analyzeCommand(file: string | undefined): Promise<void> {
  const { requests, single } = parseRequests(await readJson(file), ZAnalyzeRequest);
  writeResults(requests.map(analyze), single);
}

const DETAILS = `
Request (one object, or an array of them; the first variant is the control):
  { metric: "binomial"|"mean"|"ratio",
    variants: [{ key, users, sum, sumSquares?, preSum?, preSumSquares?, sumProduct? }, ...]
      ratio: [{ key, users, numSum, numSumSquares, denSum, denSumSquares, numDenSum }, ...]
      (per-unit numerator m and denominator d: Σm, Σm², Σd, Σd², Σm·d; delta method, Deng et al. 2018),
    engine?: "frequentist"|"bayesian", difference?: "relative"|"absolute", alpha?: (0, 0.5] = 0.05,
    sequential?: N* | null, weights?: number[], correction?: "none"|"holm"|"bh", cuped?: boolean }
  cuped (binomial or mean): every variant also gives preSum, preSumSquares, sumProduct = Σx_pre, Σx_pre²,
    Σx·x_pre of a pre-period covariate; binomial outcomes are adjusted as 0/1 values (as GrowthBook does).

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

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyse A/B experiments from per-variant sufficient statistics (JSON file or stdin).')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', DETAILS)
    .action((file?: string) => runCommand(() => analyzeCommand(file)));
}
