import type { Channel, FunnelStage } from '../enums';
import type { RoiInputParsed } from '../roi';
import { type CompletedTest, calibrate, stageAndChannel } from './calibrate';
import { calibratedRoi } from './calibrated-roi';
import { type FunnelStageData, funnel } from './funnel';
import { gainOverTime } from './gain-over-time';
import { type PnlTest, pnlByOffer, pnlByQuarter, pnlLine } from './pnl';
import { type RealisedImpactInput, realisedImpact } from './realised-impact';

/** A completed experiment with everything its insights need; `predicted` holds the approval's frozen ROI inputs. */
export interface InsightsExperiment
  extends Omit<CompletedTest, 'predictedLift' | 'confidence'>,
    Omit<RealisedImpactInput, 'shrunkLift' | 'horizonMonths'>,
    Omit<PnlTest, 'won' | 'gainToDate' | 'channel' | 'stage'> {
  /** True for experiments completed before approvals froze their inputs: `predicted` is today's hypothesis. */
  estimatedAfterTheFact: boolean;
}

export interface OpenHypothesis {
  id: string;
  channel: Channel;
  stage: FunnelStage;
  roi: RoiInputParsed;
}

export interface InsightsInput {
  /** The moment the figures are computed for (handed in: the domain reads no clock). */
  now: Date;
  /** The workspace's ROI horizon H in months. */
  horizonMonths: number;
  experiments: readonly InsightsExperiment[];
  openHypotheses: readonly OpenHypothesis[];
  funnelStages: readonly FunnelStageData[];
  hiddenStages: readonly FunnelStage[];
}

/** Every figure of the Insights page and GET /v1/insights for one workspace (issue 12 §1–4). */
export function computeInsights(input: InsightsInput) {
  const tests = input.experiments.map((e) => ({
    ...e,
    predictedLift: e.predicted.expectedLift,
    confidence: e.predicted.confidence,
  }));
  const calibration = calibrate(tests);
  const experiments = input.experiments.map((e, i) => {
    const shrunk = calibration.shrinkage.shrunk[i] ?? { estimate: e.estimate, se: e.se };
    const impact = realisedImpact({ ...e, shrunkLift: shrunk.estimate, horizonMonths: input.horizonMonths }, input.now);
    return { ...e, shrunkEstimate: shrunk.estimate, shrunkSe: shrunk.se, ...impact };
  });
  const pnlTests = experiments.map((e) => ({ ...e, won: e.outcome === 'WIN' }));
  const find = <T extends { group: string }>(rows: T[], group: string) =>
    rows.find((row) => row.group === group) ?? null;
  const channelRatio = (channel: Channel) =>
    calibration.liftRatioByChannel.find((row) => row.channel === channel)?.liftRatio ?? null;
  return {
    now: input.now,
    tooFewToCalibrate: !calibration.shrinkage.calibrated,
    tau2: calibration.shrinkage.tau2,
    experiments,
    calibration,
    openHypotheses: input.openHypotheses.map((h) => ({
      id: h.id,
      ...calibratedRoi({
        roi: h.roi,
        winRates: {
          stageAndChannel: find(calibration.winRateByStageAndChannel, stageAndChannel(h)),
          channel: find(calibration.winRateByChannel, h.channel),
          workspace: calibration.winRate,
        },
        // The channel's own ratio when it has enough tests, else the workspace's.
        liftRatio: channelRatio(h.channel) ?? calibration.liftRatio,
      }),
    })),
    gainOverTime: gainOverTime(experiments, input.horizonMonths, input.now),
    pnl: { total: pnlLine(pnlTests), byQuarter: pnlByQuarter(pnlTests), byOffer: pnlByOffer(pnlTests) },
    funnel: funnel({
      stages: input.funnelStages,
      hiddenStages: input.hiddenStages,
      tests: experiments.map((e) => ({
        stage: e.stage,
        won: e.outcome === 'WIN',
        rolledOut: e.rolledOut,
        shrunkLift: e.shrunkEstimate,
      })),
    }),
  };
}
export type Insights = ReturnType<typeof computeInsights>;
