import {
  findHypothesisByClientRequest,
  insertHypothesis,
  isUniqueViolation,
  lockClientRequest,
  recordAudit,
  setHypothesisStatus,
} from '@uplift/db';
import { type HypothesisCreateInput, scoreRoi, ZHypothesisCreateInput, ZRoiInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { writeAndRerank } from './write-and-rerank';

/**
 * A new hypothesis, scored with the workspace's horizon (and submitted at once when asked). A repeated submit
 * of the same form (same clientRequestId) returns the first hypothesis instead of a second one.
 */
export async function createHypothesis(
  deps: Pick<ServiceDeps, 'db' | 'queue' | 'log'>,
  { workspace, actor }: ActingScope<{ id: string; horizonMonths: number }>,
  raw: HypothesisCreateInput,
) {
  const { clientRequestId, submit, ...fields } = ZHypothesisCreateInput.parse(raw);
  const replay = async () =>
    clientRequestId ? findHypothesisByClientRequest(deps.db, workspace.id, clientRequestId) : null;
  const existing = await replay();
  if (existing) return existing;
  const score = scoreRoi(ZRoiInput.parse({ ...fields, horizonMonths: workspace.horizonMonths }));
  try {
    return await writeAndRerank(deps, workspace.id, async (tx) => {
      if (clientRequestId) {
        await lockClientRequest(tx, workspace.id, clientRequestId);
        const first = await findHypothesisByClientRequest(tx, workspace.id, clientRequestId);
        if (first) return first;
      }
      const created = await insertHypothesis(tx, {
        ...fields,
        ...score,
        workspaceId: workspace.id,
        authorId: actor.id,
        clientRequestId,
      });
      const audit = { workspaceId: workspace.id, actor, entityType: 'hypothesis', entityId: created.id } as const;
      await recordAudit(tx, { ...audit, action: 'hypothesis.create', after: created });
      if (!submit) return created;
      const submitted = await setHypothesisStatus(tx, created.id, 'SUBMITTED');
      await recordAudit(tx, {
        ...audit,
        action: 'hypothesis.status',
        before: { status: 'DRAFT' },
        after: { status: 'SUBMITTED' },
      });
      return submitted;
    });
  } catch (error) {
    // Two identical submits racing: the unique (workspace, clientRequestId) lets one win; return it.
    if (isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
