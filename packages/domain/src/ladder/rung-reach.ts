import { DomainError } from '../errors';
import { int4 } from '../zod-safe';
import type { LadderChannel } from './policy';

/** A rung's reach per month: how many units the offer reaches there at full rollout, a positive whole number. */
export const ZRungReach = int4(undefined, 1);

/** Refuses a reach that is not a positive whole number, naming the field (for callers past the transport). */
export function parseRungReach(value: unknown): number {
  const parsed = ZRungReach.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]?.message ?? 'is not valid';
    throw new DomainError(
      'BAD_INPUT',
      `reachPerMonth ${problem}: the units a rung reaches per month.`,
      'reachPerMonth',
    );
  }
  return parsed.data;
}

/**
 * The reach a step to `rung` starts from: the offer's latest experiment there, if it ever stood on that rung,
 * else the hypothesis' reach (issue 12: each rung's experiment has its own reach, the hypothesis' by default).
 */
export function reachAtRung(
  rung: LadderChannel,
  rungReaches: Partial<Record<LadderChannel, number>>,
  hypothesisReach: number,
): number {
  return rungReaches[rung] ?? hypothesisReach;
}

export interface ProjectionInput {
  /** The next rung's monthly reach at full rollout. */
  reachPerMonth: number;
  /** The control's mean of the primary metric on the rung below (a rate for a conversion); null when unknown. */
  controlMean: number | null | undefined;
  /** The winner's measured relative lift on the rung below. */
  lift: number | null | undefined;
  valuePerConversion: number;
}

/** The ladder's projection for the next rung, per month: R·b̂·x·v (0 when the control's mean or lift is unknown). */
export function projectMonthlyGain({ reachPerMonth, controlMean, lift, valuePerConversion }: ProjectionInput): number {
  return reachPerMonth * (controlMean ?? 0) * (lift ?? 0) * valuePerConversion;
}

interface ProjectedEvidence {
  controlMean?: number | null | undefined;
  estimate?: number | null | undefined;
  valuePerConversion?: number | null | undefined;
}

/**
 * A step-up's evidence at another reach for the next rung: the reach replaced and the projection recomputed from
 * the same measured rate and lift. `valuePerConversion` is the hypothesis' figure, used when the evidence predates
 * keeping its own.
 */
export function reprojectAtReach<E extends ProjectedEvidence>(
  evidence: E,
  reachPerMonth: number,
  valuePerConversion: number,
): E & { reachPerMonth: number; valuePerConversion: number; projectedMonthlyGain: number } {
  const value = evidence.valuePerConversion ?? valuePerConversion;
  const projectedMonthlyGain = projectMonthlyGain({
    reachPerMonth,
    controlMean: evidence.controlMean,
    lift: evidence.estimate,
    valuePerConversion: value,
  });
  return { ...evidence, reachPerMonth, valuePerConversion: value, projectedMonthlyGain };
}
