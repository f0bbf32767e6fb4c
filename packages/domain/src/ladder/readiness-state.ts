import { DomainError } from '../errors';
import { channelWord } from './channel-words';
import type { PromotionKind } from './offer-state';

/** Where a step stands against the readiness gate of its target rung. */
export type ReadinessState = 'not_needed' | 'missing' | 'failed' | 'passed';

/** The newest check for `rung` in checks listed newest first: the one the gate looks at. */
export function latestReadinessCheck<C extends { rung: string }>(checks: readonly C[], rung: string): C | null {
  return checks.find((c) => c.rung === rung) ?? null;
}

/**
 * The gate's state for a step: only a step up onto a gated rung needs a check, and the latest check for that
 * rung counts (`checks` newest first).
 */
export function readinessState(
  step: { kind: PromotionKind; toRung: string; gated: boolean },
  checks: readonly { rung: string; passed: boolean }[],
): ReadinessState {
  if (step.kind !== 'PROMOTE' || !step.gated) return 'not_needed';
  const check = latestReadinessCheck(checks, step.toRung);
  return !check ? 'missing' : check.passed ? 'passed' : 'failed';
}

/** Approval of a gated step up needs a passed latest check; throws a CONFLICT naming what is missing. */
export function assertReadinessGate(
  step: { kind: PromotionKind; toRung: string; gated: boolean; offerName: string },
  checks: readonly { rung: string; passed: boolean }[],
): void {
  const state = readinessState(step, checks);
  if (state === 'not_needed' || state === 'passed') return;
  throw new DomainError(
    'CONFLICT',
    `"${step.offerName}" has ${state === 'failed' ? 'failed' : 'no'} readiness check for going ${channelWord(step.toRung)}: a product owner must confirm delivery at scale and positive unit economics first.`,
    'readiness',
  );
}
