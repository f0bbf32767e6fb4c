import { describe, expect, it } from 'vitest';
import { calibratedRoi } from './calibrated-roi';
import { winRate } from './win-rate';

const roi = {
  reachPerMonth: 10_000,
  baselineRate: 0.05,
  expectedLift: 0.1,
  valuePerConversion: 40,
  confidence: 0.5,
  cost: 5_000,
  horizonMonths: 12,
};

describe('calibratedRoi', () => {
  it('takes the posterior win rate of the first level with 5 tests and scales the lift by the ratio', () => {
    const result = calibratedRoi({
      roi,
      winRates: { stageAndChannel: winRate(2, 4), channel: winRate(1, 6), workspace: winRate(6, 10) },
      liftRatio: 0.5,
    });
    // Stage and channel have 4 tests: the channel's (1 + 1)/(6 + 2) = 0.25 is used; lift 0.1·0.5.
    expect(result.confidence).toEqual({ author: 0.5, used: 0.25, level: 'channel', n: 6 });
    expect(result.lift).toEqual({ author: 0.1, ratio: 0.5, used: 0.05 });
    // 10 000·0.05·0.05·40·0.25 = 250 a month, 3 000 over 12 months for 5 000: ROI −0.4; the author's 1.4.
    expect(result.calibrated.expectedMonthlyGain).toBeCloseTo(250, 9);
    expect(result.calibrated.roi).toBeCloseTo(-0.4, 12);
    expect(result.author.roi).toBeCloseTo(1.4, 12);
  });

  it('prefers the stage and channel, and falls back to the workspace', () => {
    const stage = calibratedRoi({
      roi,
      winRates: { stageAndChannel: winRate(4, 5), channel: winRate(1, 6), workspace: null },
      liftRatio: null,
    });
    expect(stage.confidence).toMatchObject({ level: 'stageAndChannel', used: 5 / 7 });
    const workspace = calibratedRoi({
      roi,
      winRates: { stageAndChannel: null, channel: winRate(0, 3), workspace: winRate(3, 8) },
      liftRatio: null,
    });
    expect(workspace.confidence).toMatchObject({ level: 'workspace', used: 0.4, n: 8 });
  });

  it('keeps the author’s figures when no level has 5 tests and there is no ratio', () => {
    const result = calibratedRoi({
      roi,
      winRates: { stageAndChannel: null, channel: null, workspace: winRate(2, 4) },
      liftRatio: null,
    });
    expect(result.confidence).toEqual({ author: 0.5, used: 0.5, level: 'author', n: 0 });
    expect(result.lift).toEqual({ author: 0.1, ratio: null, used: 0.1 });
    expect(result.calibrated).toEqual(result.author);
  });

  it('clamps the lift ratio to [0, 2]', () => {
    const none = { stageAndChannel: null, channel: null, workspace: null };
    expect(calibratedRoi({ roi, winRates: none, liftRatio: 3 }).lift).toEqual({ author: 0.1, ratio: 2, used: 0.2 });
    expect(calibratedRoi({ roi, winRates: none, liftRatio: -0.5 }).lift).toEqual({ author: 0.1, ratio: 0, used: 0 });
  });
});
