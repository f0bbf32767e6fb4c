import { type LadderChannel, type LadderSettings, ZStoredLadderPolicies } from '@uplift/domain';
import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';

export interface WorkspaceLadder {
  ladder: LadderChannel[];
  policies: LadderSettings['policies'];
  priorDiscount: number;
}

/** A workspace's rungs in order, its policy overrides and its prior discount. */
export async function readLadder(tx: Tx, workspaceId: string): Promise<WorkspaceLadder> {
  const w = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { ladder: true, ladderPolicies: true, priorDiscount: true },
  });
  return { ladder: w.ladder, policies: ZStoredLadderPolicies.parse(w.ladderPolicies), priorDiscount: w.priorDiscount };
}

export async function saveLadder(
  tx: Tx,
  workspaceId: string,
  settings: { ladder: LadderChannel[]; policies: LadderSettings['policies']; priorDiscount?: number },
): Promise<WorkspaceLadder> {
  const w = await tx.workspace.update({
    where: { id: workspaceId },
    data: {
      ladder: settings.ladder,
      ladderPolicies: settings.policies as Prisma.InputJsonValue,
      ...(settings.priorDiscount !== undefined ? { priorDiscount: settings.priorDiscount } : {}),
    },
  });
  return { ladder: w.ladder, policies: ZStoredLadderPolicies.parse(w.ladderPolicies), priorDiscount: w.priorDiscount };
}
