import { type Db, getHypothesis, Prisma, recordAudit, rerankBacklog, type Tx } from '@uplift/db';
import {
  allowedNext,
  assertTransition,
  DomainError,
  type HypothesisCreateInput,
  type HypothesisPinInput,
  type HypothesisStatus,
  type HypothesisUpdateInput,
  roiBreakdown,
  scoreRoi,
  ZHypothesisCreateInput,
  ZHypothesisPinInput,
  ZHypothesisUpdateInput,
  ZRoiInput,
} from '@uplift/domain';
import type { Actor } from '../deps';

interface Scope {
  db: Db;
  workspace: { id: string; horizonMonths: number };
  actor: Actor;
}

const ROI_FIELDS = [
  'reachPerMonth',
  'baselineRate',
  'expectedLift',
  'valuePerConversion',
  'confidence',
  'cost',
] as const;

async function mustGet({ db, workspace }: Scope, id: string) {
  const found = await getHypothesis(db, workspace.id, id);
  if (!found) throw new DomainError('NOT_FOUND', `No hypothesis ${id} in this workspace.`, 'id');
  return found;
}

/**
 * Every write that can move a hypothesis in the priority order goes through here: the change and its audit
 * entry in one transaction, then the workspace's order re-ranked, so no write path can forget the re-rank.
 */
async function writeAndRerank<T>({ db, workspace }: Scope, write: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(write);
  await rerankBacklog(db, workspace.id);
  return result;
}

export async function createHypothesis(scope: Scope, raw: HypothesisCreateInput) {
  const { db, workspace, actor } = scope;
  const { clientRequestId, submit, ...fields } = ZHypothesisCreateInput.parse(raw);
  const replay = async () =>
    clientRequestId ? db.hypothesis.findFirst({ where: { workspaceId: workspace.id, clientRequestId } }) : null;
  const existing = await replay();
  if (existing) return existing;
  const score = scoreRoi(ZRoiInput.parse({ ...fields, horizonMonths: workspace.horizonMonths }));
  try {
    return await writeAndRerank(scope, async (tx) => {
      if (clientRequestId) {
        // Serialise identical submits so the second finds the first instead of hitting the unique index
        // (a failed statement inside a transaction is costlier than a short wait).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${workspace.id}), hashtext(${clientRequestId}))`;
        const first = await tx.hypothesis.findFirst({ where: { workspaceId: workspace.id, clientRequestId } });
        if (first) return first;
      }
      const created = await tx.hypothesis.create({
        data: { ...fields, ...score, workspaceId: workspace.id, authorId: actor.id, clientRequestId },
      });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor,
        entityType: 'hypothesis',
        entityId: created.id,
        action: 'hypothesis.create',
        after: created,
      });
      if (!submit) return created;
      const submitted = await tx.hypothesis.update({ where: { id: created.id }, data: { status: 'SUBMITTED' } });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor,
        entityType: 'hypothesis',
        entityId: created.id,
        action: 'hypothesis.status',
        before: { status: 'DRAFT' },
        after: { status: 'SUBMITTED' },
      });
      return submitted;
    });
  } catch (error) {
    // Two identical submits racing: the unique (workspace, clientRequestId) lets one win; return it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

export async function updateHypothesis(scope: Scope, raw: HypothesisUpdateInput) {
  const { workspace, actor } = scope;
  const { id, patch } = ZHypothesisUpdateInput.parse(raw);
  const current = await mustGet(scope, id);
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
  return writeAndRerank(scope, async (tx) => {
    const updated = await tx.hypothesis.update({ where: { id }, data: { ...patch, ...score } });
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

/** Moves a hypothesis along its lifecycle; the domain decides what is legal, the row update guards races. */
export async function transitionHypothesis(scope: Scope, id: string, to: HypothesisStatus, reason?: string) {
  const { workspace, actor } = scope;
  const current = await mustGet(scope, id);
  assertTransition(current.status, to, reason);
  if ((to === 'SUBMITTED' || to === 'DRAFT') && current.authorId !== actor.id) {
    throw new DomainError('FORBIDDEN', 'Only the author can submit or withdraw a hypothesis.');
  }
  return writeAndRerank(scope, async (tx) => {
    const { count } = await tx.hypothesis.updateMany({
      where: { id, workspaceId: workspace.id, status: current.status },
      data: {
        status: to,
        decisionReason: to === 'APPROVED' || to === 'REJECTED' ? (reason ?? null) : current.decisionReason,
      },
    });
    if (count === 0) {
      throw new DomainError('CONFLICT', 'Someone changed this hypothesis meanwhile; reload and try again.');
    }
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
    return tx.hypothesis.findUniqueOrThrow({ where: { id } });
  });
}

export async function pinHypothesis(scope: Scope, raw: HypothesisPinInput) {
  const { workspace, actor } = scope;
  const { id, pinnedRank, reason } = ZHypothesisPinInput.parse(raw);
  const current = await mustGet(scope, id);
  if (pinnedRank !== null && !reason) {
    throw new DomainError('BAD_INPUT', 'A reason is required to pin a hypothesis above the ranking.', 'reason');
  }
  return writeAndRerank(scope, async (tx) => {
    const updated = await tx.hypothesis.update({
      where: { id },
      data: { pinnedRank, pinReason: pinnedRank === null ? null : reason },
    });
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

export async function hypothesisDetail(scope: Scope, id: string) {
  const h = await mustGet(scope, id);
  const inputs = ZRoiInput.parse({ ...pick(h, ROI_FIELDS), horizonMonths: h.horizonMonths });
  return { ...h, breakdown: roiBreakdown(inputs, h), allowedNext: allowedNext(h.status) };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Pick<T, K>;
}
