import type { RouterOutputs } from '@uplift/api';
import type { Channel } from '@uplift/domain';
import { setupOf } from '../experiment/types';
import type { ExperimentFormValues } from './form-values';
import { winnerSendValues } from './winner-send-values';

type Experiment = RouterOutputs['experiment']['get']['experiment'];

/** A saved draft as the form shows it: what the api stored, field by field. */
export function draftValues(e: Experiment): ExperimentFormValues {
  const { variants, metrics, analysis } = setupOf(e);
  return {
    key: e.key,
    name: e.name,
    channel: e.channel as Channel,
    variants: variants.map((v) => ({ key: v.key, name: v.name, weight: v.weight })),
    primaryName: metrics.primary.name,
    primaryKind: metrics.primary.kind,
    primaryNumerator: metrics.primary.numerator ?? '',
    primaryDenominator: metrics.primary.denominator ?? '',
    guardrails: metrics.guardrails.map((g) => ({
      name: g.name,
      kind: g.kind,
      numerator: g.numerator ?? '',
      denominator: g.denominator ?? '',
      direction: g.direction,
    })),
    engine: analysis.engine,
    sequential: analysis.sequential !== null,
    sequentialN: analysis.sequential ?? '',
    minLiftPct: analysis.minLift == null ? '' : +(analysis.minLift * 100).toPrecision(6),
    alpha: analysis.alpha,
    correction: analysis.correction,
    plannedUsers: e.plannedUsers,
    segmentAttribute: e.segmentAttribute ?? '',
    winnerSend: winnerSendValues(e),
    start: false,
  };
}
