import { recordAudit, updateHypothesisFields } from '@uplift/db';
import { DomainError, type HypothesisUpdateInput, scoreRoi, ZHypothesisUpdateInput, ZRoiInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { mustGetHypothesis, pick, ROI_FIELDS, writeAndRerank } from './write-and-rerank';

/** The author edits a draft; its score follows the new inputs, and the audit row holds only what changed. */
export async function updateHypothesis(
  deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>,
  { workspace, actor }: ActingScope<{ id: string; horizonMonths: number }>,
  raw: HypothesisUpdateInput,
) {
  const { id, patch } = ZHypothesisUpdateInput.parse(raw);
  const current = await mustGetHypothesis(deps, workspace.id, id);
  if (current.status !== 'DRAFT') {
    throw new DomainError('CONFLICT', `Only drafts can be edited; this hypothesis is ${current.status}.`, 'status');
  }
  if (current.authorId !== actor.id) {
    throw new DomainError('FORBIDDEN', 'Only the author can edit a draft.');
  }
  const merged = { ...current, ...patch };
  const score = scoreRoi(ZRoiInput.parse({ ...pick(merged, ROI_FIELDS), horizonMonths: workspace.horizonMonths }));
  const changed = Object.keys(patch).filter(
    (k) => (patch as Record<string, unknown>)[k] !== (current as Record<string, unknown>)[k],
  );
  return writeAndRerank(deps, workspace.id, async (tx) => {
    const updated = await updateHypothesisFields(tx, id, { ...patch, ...score });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      entityType: 'hypothesis',
      entityId: id,
      action: 'hypothesis.edit',
      before: pick(current, [...changed, 'roi'] as (keyof typeof current)[]),
      after: pick(updated, [...changed, 'roi'] as (keyof typeof updated)[]),
    });
    return updated;
  });
}
