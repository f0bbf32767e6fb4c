import { recordAudit, setHypothesisPin } from '@uplift/db';
import { DomainError, type HypothesisPinInput, ZHypothesisPinInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { mustGetHypothesis, writeAndRerank } from './write-and-rerank';

/** A product owner pins a hypothesis above the ROI ranking (with a reason), or unpins it (pinnedRank null). */
export async function pinHypothesis(
  deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>,
  { workspace, actor }: ActingScope,
  raw: HypothesisPinInput,
) {
  const { id, pinnedRank, reason } = ZHypothesisPinInput.parse(raw);
  const current = await mustGetHypothesis(deps, workspace.id, id);
  if (pinnedRank !== null && !reason) {
    throw new DomainError('BAD_INPUT', 'A reason is required to pin a hypothesis above the ranking.', 'reason');
  }
  return writeAndRerank(deps, workspace.id, async (tx) => {
    const updated = await setHypothesisPin(tx, id, pinnedRank, pinnedRank === null ? null : (reason ?? null));
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'hypothesis',
      entityId: id,
      action: pinnedRank === null ? 'hypothesis.unpin' : 'hypothesis.pin',
      before: { pinnedRank: current.pinnedRank },
      after: { pinnedRank },
      reason: reason || null,
    });
    return updated;
  });
}
