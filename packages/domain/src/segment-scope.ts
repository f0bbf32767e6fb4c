import { assignVariant, cumulativeWeights } from './assignment';
import { assignWinnerSend } from './winner-send/assign';

/**
 * A scoped experiment (the next rung of a promotion approved for some segments only) reaches only units of
 * those segments; an empty scope is everyone. The unit's segment is the value of the experiment's segment
 * attribute, else of `segment`, among the unit's attributes (an exposure's `attributes`, /v1/assign's query).
 */
export const DEFAULT_SEGMENT_ATTRIBUTE = 'segment';

export interface ScopedExperiment {
  key: string;
  segmentAttribute: string | null;
  scopeSegments: readonly string[];
}

export const isScoped = (e: Pick<ScopedExperiment, 'scopeSegments'>) => e.scopeSegments.length > 0;

/** The attribute that holds a unit's segment for this experiment. */
export const segmentAttributeOf = (e: Pick<ScopedExperiment, 'segmentAttribute'>) =>
  e.segmentAttribute ?? DEFAULT_SEGMENT_ATTRIBUTE;

/** The unit's segment among its attributes: the experiment's segment attribute, else `segment`; undefined if neither. */
export function unitSegment(
  e: Pick<ScopedExperiment, 'segmentAttribute'>,
  attributes: Readonly<Record<string, string | undefined>> | undefined,
): string | undefined {
  const value = attributes?.[segmentAttributeOf(e)] ?? attributes?.[DEFAULT_SEGMENT_ATTRIBUTE];
  return value === '' ? undefined : value;
}

/** Whether a unit of `segment` may take part: always when unscoped; a unit of unknown segment never when scoped. */
export const inScope = (e: Pick<ScopedExperiment, 'scopeSegments'>, segment: string | undefined) =>
  !isScoped(e) || (segment !== undefined && e.scopeSegments.includes(segment));

/** Why a unit is outside the scope, as one sentence about the attribute it was read from. */
export function outOfScopeMessage(e: ScopedExperiment, segment: string | undefined): string {
  const scope = e.scopeSegments.join(', ');
  const attribute = segmentAttributeOf(e);
  return segment === undefined
    ? `is required: "${e.key}" is scoped to ${attribute} ${scope}, so an exposure names the unit's ${attribute}`
    : `"${segment}" is outside the scope of "${e.key}" (${attribute} ${scope}): units of other segments get the default`;
}

/** A scope written for people: `country DE, NL only`, or null when the experiment reaches everyone. */
export const describeScope = (e: Pick<ScopedExperiment, 'segmentAttribute' | 'scopeSegments'>) =>
  isScoped(e) ? `${segmentAttributeOf(e)} ${e.scopeSegments.join(', ')} only` : null;

/**
 * A unit's answer from /v1/assign: its variant by the experiment's hash when it takes part, else no variant
 * (the caller shows the default). Assignment stays the plain hash, so in-scope units get what they always got.
 * A winner send's remainder takes part too: `waiting` (no variant yet) until the decision, then the winner.
 */
export function assignUnit(
  e: ScopedExperiment & {
    seed: string;
    variants: readonly { key: string; weight: number }[];
    winnerSend?: { testShare: number; winnerVariant: string | null } | null;
  },
  unit: string,
  attributes: Readonly<Record<string, string | undefined>>,
): { variant: string | null; inExperiment: boolean; waiting?: true } {
  if (!inScope(e, unitSegment(e, attributes))) return { variant: null, inExperiment: false };
  if (e.winnerSend) {
    const answer = assignWinnerSend({ ...e, ...e.winnerSend }, unit);
    return answer.waiting
      ? { variant: null, inExperiment: true, waiting: true }
      : { variant: answer.variant, inExperiment: true };
  }
  const index = assignVariant(e.seed, unit, cumulativeWeights(e.variants.map((v) => v.weight)));
  return { variant: e.variants[index]?.key ?? null, inExperiment: true };
}
