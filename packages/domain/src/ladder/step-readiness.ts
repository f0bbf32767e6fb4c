import { DomainError } from '../errors';
import type { PromotionKind } from './offer-state';
import { readinessState } from './readiness-state';

export interface StepReadinessInput {
  step: { kind: PromotionKind; toRung: string; gated: boolean };
  /** The offer's readiness checks, newest first. */
  checks: readonly { rung: string; passed: boolean }[];
  /** The experiment whose result proposed the step (null while it is still loading on a page). */
  source: { key: string; status: string } | null;
}

/**
 * Why a step up may not be approved yet, one sentence each (empty: it may): the decision behind it must be
 * final (its experiment COMPLETED — a workspace that asks for confirmation keeps it RUNNING until a product
 * owner confirms), and a gated rung needs the offer's latest readiness check for it to have passed. A step
 * back needs neither. The inbox disables its approve button with these reasons; applyPromotion refuses the same.
 */
export function stepBlockers({ step, checks, source }: StepReadinessInput): string[] {
  if (step.kind !== 'PROMOTE') return [];
  const blockers: string[] = [];
  if (source && source.status !== 'COMPLETED') {
    blockers.push(`the decision of "${source.key}" is not final yet (it is ${source.status.toLowerCase()})`);
  }
  const gate = readinessState(step, checks);
  if (gate === 'missing') blockers.push(`no readiness check for ${step.toRung} is recorded`);
  if (gate === 'failed') blockers.push(`the latest readiness check for ${step.toRung} failed`);
  return blockers;
}

/** The server's side of stepBlockers: a CONFLICT naming what is missing. */
export function assertStepReady(input: StepReadinessInput & { offerName: string }): void {
  const blockers = stepBlockers(input);
  if (!blockers.length) return;
  throw new DomainError(
    'CONFLICT',
    `"${input.offerName}" cannot move to ${input.step.toRung} yet: ${blockers.join('; ')}.`,
    'readiness',
  );
}
