import { describe, expect, it } from 'vitest';
import { calibrationSentence, type HypothesisCalibration } from './calibration-sentence';

const base: HypothesisCalibration = {
  channel: 'EMAIL',
  stage: 'RETENTION',
  authorRoi: 3.2,
  calibratedRoi: 1.4,
  confidence: { author: 0.8, used: 5 / 12, level: 'stageAndChannel', n: 10, wins: 4 },
  lift: { author: 0.1, ratio: 0.6, used: 0.06 },
};

describe('the sentence under the ROI', () => {
  it('names the wins at the stage and channel, the posterior and the lift ratio with their numbers', () => {
    expect(calibrationSentence(base)).toBe(
      "Calibrated ROI +140% instead of +320%: this workspace won 4 of 10 email tests at the retention stage (posterior 42% instead of the author's 80% confidence), and realised lifts have been 0.6× the predicted ones (expected lift +10.0% → +6.0%).",
    );
  });

  it('says which coarser level it fell back to, and keeps the author figures where there are too few results', () => {
    const channel = calibrationSentence({ ...base, confidence: { ...base.confidence, level: 'channel' } });
    expect(channel).toContain('won 4 of 10 email tests, too few at the retention stage alone to judge');
    const stage = {
      ...base,
      stage: 'SALES_CALL' as const,
      confidence: { ...base.confidence, level: 'workspace' as const },
    };
    expect(calibrationSentence(stage)).toContain('won 4 of 10 tests, too few in email to judge');
    const thin = calibrationSentence({
      ...base,
      calibratedRoi: 3.2,
      confidence: { author: 0.8, used: 0.8, level: 'author', n: 0, wins: null },
      lift: { author: 0.1, ratio: null, used: 0.1 },
    });
    expect(thin).toBe(
      "Calibrated ROI +320%, the same as the author's: the author's 80% confidence is kept (fewer than 5 completed tests to judge by), and the expected lift stays the author's +10.0% (too few results to compare lifts).",
    );
  });
});
