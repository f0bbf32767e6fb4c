import { type AnalyzeRequest, analyze, isAnalyzeRequest } from '@uplift/domain/engine';
import type { Command } from 'commander';
import { type JsonFlags, PRETTY_HELP, parseRequests, readJson, runCommand, writeResults } from '../io';

export async function analyzeCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const { requests, single } = await analyzeRequests(await readJson(file));
  writeResults(requests, single, pretty, analyze);
}

/**
 * The requests of a file, checked without zod (and without copying them) when every one is valid, which is
 * the hot path; otherwise the schema — loaded only then — checks them all, so its messages are the ones shown.
 */
async function analyzeRequests(value: unknown): Promise<{ requests: AnalyzeRequest[]; single: boolean }> {
  const single = !Array.isArray(value);
  const items: unknown[] = single ? [value] : value;
  if (items.every(isAnalyzeRequest)) return { requests: items, single };
  const { ZAnalyzeRequest } = await import('@uplift/domain');
  return parseRequests(value, ZAnalyzeRequest);
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
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => analyzeCommand(file, flags)));
}
