import { type RoiInputParsed, type RoiScore, scoreRoi } from '../roi';
import { MIN_TESTS_TO_CALIBRATE } from './shrinkage';
import type { WinRate } from './win-rate';

/** Where the calibrated confidence came from, most specific first. */
export const CONFIDENCE_LEVELS = ['stageAndChannel', 'channel', 'workspace', 'author'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export interface CalibratedRoiInput {
  /** The open hypothesis' own ROI inputs (the author's figures). */
  roi: RoiInputParsed;
  /** Win rates of completed tests at its funnel stage and channel, its channel, the workspace (null: none). */
  winRates: { stageAndChannel: WinRate | null; channel: WinRate | null; workspace: WinRate | null };
  /** Lift calibration ratio Σx̃/Σl of its channel, or the workspace's when the channel has too few; null: none. */
  liftRatio: number | null;
}

export interface CalibratedRoi {
  author: RoiScore;
  calibrated: RoiScore;
  confidence: { author: number; used: number; level: ConfidenceLevel; n: number };
  lift: { author: number; ratio: number | null; used: number };
}

/** The lift ratio is clamped so a few lucky or unlucky tests cannot scale an idea beyond ×2 or below 0. */
const RATIO_MIN = 0;
const RATIO_MAX = 2;

/**
 * Calibrated ROI (issue 12 §2): c ← the posterior mean win rate of the first level with ≥ 5 completed tests
 * (stage and channel, channel, workspace; else the author's c), l ← l × clamp(Σx̃/Σl, 0, 2); then roi.ts.
 */
export function calibratedRoi({ roi, winRates, liftRatio }: CalibratedRoiInput): CalibratedRoi {
  const level = (['stageAndChannel', 'channel', 'workspace'] as const).find(
    (name) => (winRates[name]?.n ?? 0) >= MIN_TESTS_TO_CALIBRATE,
  );
  const rate = level ? winRates[level] : null;
  const confidence = rate ? rate.mean : roi.confidence;
  const ratio = liftRatio === null ? null : Math.min(RATIO_MAX, Math.max(RATIO_MIN, liftRatio));
  const lift = ratio === null ? roi.expectedLift : roi.expectedLift * ratio;
  return {
    author: scoreRoi(roi),
    calibrated: scoreRoi({ ...roi, confidence, expectedLift: lift }),
    confidence: { author: roi.confidence, used: confidence, level: level ?? 'author', n: rate?.n ?? 0 },
    lift: { author: roi.expectedLift, ratio, used: lift },
  };
}

/** Completed tests from which the backlog's stored order ranks by the calibrated ROI (issue 12 §2). */
export const CALIBRATED_RANKING_FROM = 10;
