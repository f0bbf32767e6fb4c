import { moveHypothesisStatus, recordApprovedRoi, recordAudit } from '@uplift/db';
import { assertTransition, DomainError, freezeApprovedRoi, type HypothesisStatus } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { mustGetHypothesis, writeAndRerank } from './write-and-rerank';

export interface HypothesisTransition {
  id: string;
  to: HypothesisStatus;
  reason?: string | undefined;
}

/**
 * Moves a hypothesis along its lifecycle; the domain decides what is legal, the row update guards races. An
 * approval freezes the ROI it was approved on (read from the moved row, which the update holds locked).
 */
export async function transitionHypothesis(
  deps: Pick<ServiceDeps, 'db' | 'clock' | 'queue' | 'log'>,
  { workspace, actor }: ActingScope,
  { id, to, reason }: HypothesisTransition,
) {
  const current = await mustGetHypothesis(deps, workspace.id, id);
  assertTransition(current.status, to, reason);
  if ((to === 'SUBMITTED' || to === 'DRAFT') && current.authorId !== actor.id) {
    throw new DomainError('FORBIDDEN', 'Only the author can submit or withdraw a hypothesis.');
  }
  const decided = to === 'APPROVED' || to === 'REJECTED';
  return writeAndRerank(deps, workspace.id, async (tx) => {
    const moved = await moveHypothesisStatus(
      tx,
      { workspaceId: workspace.id, id, from: current.status },
      to,
      decided ? (reason ?? null) : current.decisionReason,
    );
    if (!moved) {
      throw new DomainError('CONFLICT', 'Someone changed this hypothesis meanwhile; reload and try again.');
    }
    const approved = to === 'APPROVED' ? freezeApprovedRoi(moved) : null;
    const approvedAt = deps.clock();
    if (approved) await recordApprovedRoi(tx, id, approved, approvedAt);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'hypothesis',
      entityId: id,
      action: 'hypothesis.status',
      before: { status: current.status },
      after: { status: to },
      reason: reason || null,
    });
    return approved ? { ...moved, approvedInputs: approved, approvedAt } : moved;
  });
}
