import type { HypothesisStatus } from './enums';
import { DomainError } from './errors';

/**
 * The hypothesis lifecycle: DRAFT → SUBMITTED → APPROVED | REJECTED → TESTING → WON | LOST | INCONCLUSIVE
 * → ARCHIVED. An author may withdraw a submission (back to DRAFT) and rework a rejected idea.
 * TESTING and its outcomes are driven by experiments (apps/worker, packages/db experiments.ts), never by hand.
 */
export const TRANSITIONS: Record<HypothesisStatus, readonly HypothesisStatus[]> = {
  DRAFT: ['SUBMITTED', 'ARCHIVED'],
  SUBMITTED: ['APPROVED', 'REJECTED', 'DRAFT'],
  APPROVED: ['TESTING', 'ARCHIVED'],
  REJECTED: ['DRAFT', 'ARCHIVED'],
  TESTING: ['WON', 'LOST', 'INCONCLUSIVE'],
  WON: ['ARCHIVED'],
  LOST: ['ARCHIVED'],
  INCONCLUSIVE: ['ARCHIVED'],
  ARCHIVED: [],
};

/** Statuses whose entry needs a written reason (recorded in the audit log). */
export const REASON_REQUIRED: ReadonlySet<HypothesisStatus> = new Set(['REJECTED']);

export function allowedNext(from: HypothesisStatus): readonly HypothesisStatus[] {
  return TRANSITIONS[from];
}

export function assertTransition(from: HypothesisStatus, to: HypothesisStatus, reason?: string | null): void {
  if (!TRANSITIONS[from].includes(to)) {
    const next = TRANSITIONS[from];
    const allowed = next.length ? `allowed from here: ${next.join(', ')}` : 'nothing is allowed from here';
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `Cannot move a hypothesis from ${from} to ${to}; ${allowed}.`,
      'status',
    );
  }
  if (REASON_REQUIRED.has(to) && !reason?.trim()) {
    throw new DomainError('BAD_INPUT', `A reason is required to move a hypothesis to ${to}.`, 'reason');
  }
}
