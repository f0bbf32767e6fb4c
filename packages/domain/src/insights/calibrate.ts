import type { Channel, FunnelStage } from '../enums';
import { brierScore, liftRatio, reliabilityBuckets } from './calibration';
import type { TestOutcome } from './outcome';
import { shrinkLifts } from './shrinkage';
import { winRate, winRatesBy } from './win-rate';

/** A completed experiment as calibration sees it (the CLI's input row). */
export interface CompletedTest {
  key: string;
  /** xᵢ and sᵢ: measured relative lift of the winner (or best treatment) and its standard error. */
  estimate: number;
  se: number;
  outcome: TestOutcome;
  /** lᵢ and c: the author's expected lift and confidence at approval. */
  predictedLift: number;
  confidence: number;
  channel: Channel;
  stage: FunnelStage;
}

const won = (test: CompletedTest) => test.outcome === 'WIN';

/**
 * Section 2 of issue 12 over the workspace's completed tests: shrinkage of every lift, win rates (workspace,
 * channel, stage, stage and channel), the reliability diagram, the Brier score and the lift ratio.
 */
export function calibrate(tests: readonly CompletedTest[]) {
  const shrinkage = shrinkLifts(tests);
  const withShrunk = tests.map((test, i) => ({ test, shrunk: shrinkage.shrunk[i]?.estimate ?? test.estimate }));
  const ratioOf = (rows: typeof withShrunk) =>
    liftRatio(rows.map(({ test, shrunk }) => ({ shrunk, predicted: test.predictedLift })));
  const forecasts = tests.map((test) => ({ confidence: test.confidence, won: won(test) }));
  const channels = [...new Set(tests.map((test) => test.channel))];
  return {
    shrinkage,
    winRate: winRate(tests.filter(won).length, tests.length),
    winRateByChannel: winRatesBy(tests, (t) => t.channel, won),
    winRateByStage: winRatesBy(tests, (t) => t.stage, won),
    winRateByStageAndChannel: winRatesBy(tests, stageAndChannel, won),
    buckets: reliabilityBuckets(forecasts),
    brier: brierScore(forecasts),
    liftRatio: ratioOf(withShrunk),
    liftRatioByChannel: channels.map((channel) => ({
      channel,
      liftRatio: ratioOf(withShrunk.filter(({ test }) => test.channel === channel)),
    })),
  };
}
export type Calibration = ReturnType<typeof calibrate>;

/** The group key of winRateByStageAndChannel. */
export function stageAndChannel(test: { stage: FunnelStage; channel: Channel }): string {
  return `${test.stage}|${test.channel}`;
}
