import type { HypothesisStatus } from '@uplift/domain';
import type { Tx } from '../client';

/** Moves a hypothesis along its lifecycle (the caller checked the transition and writes the audit row). */
export async function setHypothesisStatus(
  tx: Tx,
  id: string,
  status: HypothesisStatus,
  decisionReason?: string,
): Promise<void> {
  await tx.hypothesis.update({ where: { id }, data: { status, ...(decisionReason ? { decisionReason } : {}) } });
}
