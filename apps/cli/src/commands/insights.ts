import { insightsSummary, ZInsightsSummaryInput } from '@uplift/domain';
import type { Command } from 'commander';
import { exampleHelp, fieldsHelp } from '../input-help';
import { type JsonFlags, PRETTY_HELP, readJson, runCommand, UsageError, writeJson } from '../io';

export async function insightsCommand(file: string | undefined, { pretty }: JsonFlags = {}): Promise<void> {
  const parsed = ZInsightsSummaryInput.safeParse(await readJson(file));
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`));
  }
  writeJson(insightsSummary(parsed.data), pretty);
}

export const INSIGHTS_EXAMPLE = `{ "experiments": [
  { "key": "welcome-gift", "estimate": 0.08, "se": 0.03, "outcome": "WIN", "predictedLift": 0.05,
    "confidence": 0.7, "channel": "EMAIL", "stage": "ONBOARDING" },
  { "key": "free-delivery", "estimate": -0.02, "se": 0.02, "outcome": "LOSS", "predictedLift": 0.04,
    "confidence": 0.5, "channel": "BANNER", "stage": "PAYMENT" }] }`;

const details = () => `
${fieldsHelp('one object', ZInsightsSummaryInput)}
  The completed experiments of one workspace (STOPPED ones and those without an estimate left out).
  estimate and se are the measured relative lift of the winner (or best treatment) and its standard error;
  predictedLift and confidence are the author's figures at approval.

${exampleHelp('insights', INSIGHTS_EXAMPLE)}

Output: { tau2, experiments: [{ key, shrunkEstimate, shrunkSe }],
          calibration: { winRate: { wins, n, mean, low, high }, brier, buckets: [{ from, to, n, wins }], liftRatio } }
  Shrinkage toward 0 (Morris 1983): tau2 = max(0, mean(x² − s²)), shrunk x·tau2/(tau2 + s²), se
  sqrt(tau2·s²/(tau2 + s²)); below 5 experiments tau2 is null and the lifts are left as measured.
  winRate: Beta(1,1) posterior mean (wins + 1)/(n + 2) and the equal-tailed 90% interval [low, high] of
  Beta(wins + 1, n − wins + 1). brier = mean((confidence − won)²), null without experiments. buckets: the
  reliability diagram by confidence, [0, 0.2) … [0.8, 1]. liftRatio = Σ shrunk / Σ predictedLift, null below
  5 experiments or when Σ predictedLift ≤ 0. See README, "Insights: what each figure means".

Invalid input: exit code 2, nothing on stdout, one line per problem on stderr, "experiments.N.field: problem".`;

export function registerInsights(program: Command): void {
  program
    .command('insights')
    .description('Calibrate from completed experiments: shrunk lifts, win rate, Brier score, reliability, lift ratio.')
    .argument('[file]', 'JSON file; reads stdin when omitted or "-"')
    .addHelpText('after', details)
    .option('--pretty', PRETTY_HELP)
    .action((file: string | undefined, flags: JsonFlags) => runCommand(() => insightsCommand(file, flags)));
}
