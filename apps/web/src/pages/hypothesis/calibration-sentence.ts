import type { RouterOutputs } from '@uplift/api';
import { formatLift, formatRoi, humanize } from '../../lib/format';

export type HypothesisCalibration = NonNullable<RouterOutputs['insights']['forHypothesis']['calibrated']>;

// A win rate read in whole percents; the ratio with up to two decimals ("0.63×").
const wholePercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const ratio = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const words = (value: string) => humanize(value).toLowerCase();

/** Where the confidence came from: the level's record of wins, or the author's figure when every level is thin. */
function confidencePart({ confidence: c, channel, stage }: HypothesisCalibration): string {
  const posterior = `posterior ${wholePercent.format(c.used)} instead of the author's ${wholePercent.format(c.author)} confidence`;
  const record = (tests: string) => `${c.wins === null ? '' : `${c.wins} of `}${c.n} ${tests}`;
  switch (c.level) {
    case 'stageAndChannel':
      return `this workspace won ${record(`${words(channel)} tests at the ${words(stage)} stage`)} (${posterior})`;
    case 'channel':
      return `this workspace won ${record(`${words(channel)} tests`)}, too few at the ${words(stage)} stage alone to judge (${posterior})`;
    case 'workspace':
      return `this workspace won ${record('tests')}, too few in ${words(channel)} to judge (${posterior})`;
    default:
      return `the author's ${wholePercent.format(c.author)} confidence is kept (fewer than 5 completed tests to judge by)`;
  }
}

function liftPart({ lift }: HypothesisCalibration): string {
  if (lift.ratio === null)
    return `the expected lift stays the author's ${formatLift(lift.author)} (too few results to compare lifts)`;
  return `realised lifts have been ${ratio.format(lift.ratio)}× the predicted ones (expected lift ${formatLift(lift.author)} → ${formatLift(lift.used)})`;
}

/**
 * One sentence on why the calibrated ROI differs from the author's (issue 12 §2), e.g. "Calibrated ROI +140%
 * instead of +320%: this workspace won 4 of 10 email tests at retention (posterior 38% instead of the author's
 * 80% confidence), and realised lifts have been 0.6× the predicted ones (…)."
 */
export function calibrationSentence(c: HypothesisCalibration): string {
  const [calibrated, author] = [formatRoi(c.calibratedRoi), formatRoi(c.authorRoi)];
  const head = calibrated === author ? `, the same as the author's` : ` instead of ${author}`;
  return `Calibrated ROI ${calibrated}${head}: ${confidencePart(c)}, and ${liftPart(c)}.`;
}
