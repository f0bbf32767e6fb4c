import { z } from 'zod';
import { CHANNELS, FUNNEL_STAGES } from '../enums';
import { bounded, text } from '../zod-safe';
import { calibrate } from './calibrate';
import { TEST_OUTCOMES } from './outcome';

/** An enum whose message lists the allowed values, and still says "is required" when the field is missing. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`),
  });

export const ZCompletedTest = z.object({
  key: text().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  estimate: bounded(),
  se: bounded().min(0, 'must be ≥ 0'),
  outcome: oneOf(TEST_OUTCOMES),
  predictedLift: bounded().gt(-1, 'must be > −1 (a relative lift)'),
  confidence: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  channel: oneOf(CHANNELS),
  stage: oneOf(FUNNEL_STAGES),
});

/** What `uplift insights` reads: the completed experiments of one workspace. */
export const ZInsightsSummaryInput = z.object({
  experiments: z.array(ZCompletedTest, {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of completed experiments'),
  }),
});
export type InsightsSummaryInput = z.output<typeof ZInsightsSummaryInput>;

/** Shrunk lifts and calibration of completed experiments, in the shape `uplift insights` prints (issue 12 §1–2). */
export function insightsSummary({ experiments }: InsightsSummaryInput) {
  const { shrinkage, winRate, brier, buckets, liftRatio } = calibrate(experiments);
  return {
    tau2: shrinkage.tau2,
    experiments: experiments.map(({ key }, i) => ({
      key,
      shrunkEstimate: shrinkage.shrunk[i]?.estimate ?? null,
      shrunkSe: shrinkage.shrunk[i]?.se ?? null,
    })),
    calibration: {
      winRate: { wins: winRate.wins, n: winRate.n, mean: winRate.mean, low: winRate.low, high: winRate.high },
      brier,
      buckets,
      liftRatio,
    },
  };
}
