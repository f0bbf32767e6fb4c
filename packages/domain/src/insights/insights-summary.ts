import { z } from 'zod';
import { CHANNELS, FUNNEL_STAGES } from '../enums';
import { bounded, text } from '../zod-safe';
import { calibrate } from './calibrate';
import { TEST_OUTCOMES } from './outcome';

export const ZCompletedTest = z.object({
  key: text().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  estimate: bounded(),
  se: bounded().min(0, 'must be ≥ 0'),
  outcome: z.enum(TEST_OUTCOMES, { error: `must be one of ${TEST_OUTCOMES.join(', ')}` }),
  predictedLift: bounded().gt(-1, 'must be > −1 (a relative lift)'),
  confidence: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }),
  stage: z.enum(FUNNEL_STAGES, { error: `must be one of ${FUNNEL_STAGES.join(', ')}` }),
});

/** What `uplift insights` reads: the completed experiments of one workspace. */
export const ZInsightsSummaryInput = z.object({
  experiments: z.array(ZCompletedTest, { error: 'expected an array of completed experiments' }),
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
