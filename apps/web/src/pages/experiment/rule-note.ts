import type { AnalysisSettings } from '@uplift/domain';
import { formatRate } from '../../lib/format';

export interface RuleNote {
  testId: string;
  text: string;
}

/**
 * The sentence under the results that says when the numbers become a decision (README, "Decision rules"): the
 * results are shown at every look, but only the engine's rule for those looks turns them into WIN or LOSS.
 */
export function decisionRuleNote(
  analysis: Pick<AnalysisSettings, 'engine' | 'sequential' | 'minLift'>,
  status: string,
  fraction: number,
): RuleNote | null {
  if (status === 'DRAFT') return null;
  if (analysis.engine === 'bayesian') {
    return {
      testId: 'bayesian-note',
      text:
        'A Bayesian result is not final until the always-valid confidence sequence of the data excludes 0 (it stays ' +
        'valid however often the worker looks) or the planned sample is reached, where the chance to win and the ' +
        'risk decide. Read alone after every batch, the chance to win called a winner or loser in about 4 of 10 ' +
        'simulated tests with no real difference.',
    };
  }
  if (analysis.sequential) {
    const futility = analysis.minLift
      ? `, and stops as inconclusive once it lies inside ±${formatRate(analysis.minLift)} (the minimum worthwhile lift)`
      : '';
    return {
      testId: 'sequential-note',
      text: `Sequential test: it decides as soon as the interval excludes 0${futility}; the interval holds at every look.`,
    };
  }
  if (status !== 'RUNNING' || fraction >= 1) return null;
  return {
    testId: 'peeking-note',
    text:
      'Fixed-horizon test: a significant difference before the planned sample is not a decision yet. Turn on ' +
      'sequential testing for results that hold at every look.',
  };
}
