import type { RouterOutputs } from '@uplift/api';
import { type AnalysisSettings, keyFromName } from '@uplift/domain';
import type { ExperimentFormValues } from './form-values';
import { NO_WINNER_SEND_VALUES } from './winner-send-values';

type Hypothesis = Pick<RouterOutputs['hypothesis']['get'], 'title' | 'channel'>;
type Workspace = RouterOutputs['workspace']['get'];

/** A two-arm, 50/50 test of the hypothesis, analysed the way the workspace analyses by default. */
export function initialValues(h: Hypothesis, w: Workspace): ExperimentFormValues {
  return {
    key: keyFromName(h.title),
    name: h.title,
    channel: h.channel,
    variants: [
      { key: 'control', name: 'Control', weight: 0.5 },
      { key: 'treatment', name: 'Treatment', weight: 0.5 },
    ],
    primaryName: 'conversion',
    primaryKind: 'binomial',
    primaryNumerator: '',
    primaryDenominator: '',
    guardrails: [],
    engine: w.defaultEngine as AnalysisSettings['engine'],
    sequential: w.defaultSequential !== null,
    sequentialN: w.defaultSequential ?? '',
    minLiftPct: '',
    alpha: w.defaultAlpha,
    correction: w.defaultCorrection as AnalysisSettings['correction'],
    plannedUsers: '',
    segmentAttribute: '',
    winnerSend: NO_WINNER_SEND_VALUES,
    start: false,
  };
}
