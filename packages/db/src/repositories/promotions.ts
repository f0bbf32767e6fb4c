import {
  type LadderChannel,
  type PromotionKind,
  type PromotionStatus,
  ZPromotionEvidence,
  ZPromotionKind,
  ZPromotionStatus,
} from '@uplift/domain';
import type { Tx } from '../client';
import type { Promotion as PromotionRow } from '../generated/prisma/client';
import { toJsonValue } from '../json';

/** A proposal with its vocabularies and evidence read into domain types. */
export const toPromotion = (row: PromotionRow) => ({
  ...row,
  kind: ZPromotionKind.parse(row.kind),
  status: ZPromotionStatus.parse(row.status),
  evidence: ZPromotionEvidence.parse(row.evidence),
});
export type PromotionRecord = ReturnType<typeof toPromotion>;

/** One proposal per experiment: the unique key turns a repeat into nothing (null). */
export async function createProposal(
  tx: Tx,
  p: {
    workspaceId: string;
    offerId: string;
    experimentId: string;
    kind: PromotionKind;
    fromRung: LadderChannel;
    toRung: LadderChannel;
    evidence: object;
    segments: string[];
  },
): Promise<PromotionRecord | null> {
  const created = await tx.promotion.createManyAndReturn({
    data: [{ ...p, evidence: toJsonValue(p.evidence) }],
    skipDuplicates: true,
  });
  return created[0] ? toPromotion(created[0]) : null;
}

export async function findPromotion(tx: Tx, id: string, workspaceId?: string): Promise<PromotionRecord | null> {
  const row = await tx.promotion.findFirst({ where: { id, ...(workspaceId ? { workspaceId } : {}) } });
  return row ? toPromotion(row) : null;
}

/**
 * Records a decision only while the proposal is still PROPOSED (a conditional update), so two deciders at the
 * same moment produce one decision; false tells the second it came too late.
 */
export async function claimPromotion(
  tx: Tx,
  id: string,
  decision: {
    status: 'APPLIED' | 'REJECTED';
    decidedById: string | null;
    decidedByEmail: string | null;
    decidedAt: Date;
    reason: string | null;
  },
): Promise<boolean> {
  const claimed = await tx.promotion.updateMany({ where: { id, status: 'PROPOSED' }, data: decision });
  return claimed.count === 1;
}

export async function setPromotionSegments(tx: Tx, id: string, segments: string[]) {
  await tx.promotion.update({ where: { id }, data: { segments } });
}

/** A proposal's evidence re-projected (a product owner set the next rung's reach); the audit keeps the old. */
export async function setPromotionEvidence(tx: Tx, id: string, evidence: object) {
  await tx.promotion.update({ where: { id }, data: { evidence: toJsonValue(evidence) } });
}

export async function setNextExperiment(tx: Tx, id: string, nextExperimentId: string) {
  await tx.promotion.update({ where: { id }, data: { nextExperimentId } });
}

/** Proposals of a workspace, newest first (at most 200), each with its offer's place on the ladder. */
export async function listPromotionRows(db: Tx, workspaceId: string, status?: PromotionStatus) {
  const rows = await db.promotion.findMany({
    where: { workspaceId, ...(status ? { status } : {}) },
    include: { offer: { select: { id: true, name: true, rung: true, state: true } } },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  return rows.map(({ offer, ...row }) => ({ ...toPromotion(row), offer }));
}
