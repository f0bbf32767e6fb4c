import type { HypothesisFields as Fields, HypothesisStatus, RoiScore } from '@uplift/domain';
import type { Tx } from '../client';

export function findHypothesisByClientRequest(db: Tx, workspaceId: string, clientRequestId: string) {
  return db.hypothesis.findFirst({ where: { workspaceId, clientRequestId } });
}

/**
 * Serialises identical submits (same workspace and client request id) until the transaction ends, so the
 * second finds the first instead of hitting the unique index: a failed statement inside a transaction is
 * costlier than a short wait.
 */
export async function lockClientRequest(tx: Tx, workspaceId: string, clientRequestId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${workspaceId}), hashtext(${clientRequestId}))`;
}

export function insertHypothesis(
  db: Tx,
  row: Fields & RoiScore & { workspaceId: string; authorId: string; clientRequestId: string | undefined },
) {
  return db.hypothesis.create({ data: row });
}

export function updateHypothesisFields(db: Tx, id: string, data: Partial<Fields> & Partial<RoiScore>) {
  return db.hypothesis.update({ where: { id }, data });
}

/** Moves a hypothesis along its lifecycle (the caller checked the transition and writes the audit row). */
export function setHypothesisStatus(db: Tx, id: string, status: HypothesisStatus, decisionReason?: string) {
  return db.hypothesis.update({ where: { id }, data: { status, ...(decisionReason ? { decisionReason } : {}) } });
}

/**
 * Moves a hypothesis from `from` to `to` only if it is still in `from` (a concurrent change wins, this one
 * counts 0); returns the row after the move, or null when it lost the race.
 */
export async function moveHypothesisStatus(
  db: Tx,
  target: { workspaceId: string; id: string; from: HypothesisStatus },
  to: HypothesisStatus,
  decisionReason: string | null,
) {
  const { count } = await db.hypothesis.updateMany({
    where: { id: target.id, workspaceId: target.workspaceId, status: target.from },
    data: { status: to, decisionReason },
  });
  return count ? db.hypothesis.findUniqueOrThrow({ where: { id: target.id } }) : null;
}

export function setHypothesisPin(db: Tx, id: string, pinnedRank: number | null, pinReason: string | null) {
  return db.hypothesis.update({ where: { id }, data: { pinnedRank, pinReason } });
}
