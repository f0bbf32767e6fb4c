import {
  type LadderChannel,
  type ReadinessAssessment,
  ZStoredReadinessAssessment,
  ZStoredReadinessInputs,
} from '@uplift/domain';
import type { Tx } from '../client';
import type { ReadinessCheck as ReadinessCheckRow } from '../generated/prisma/client';
import { toJsonValue } from '../json';

const toReadinessCheck = (row: ReadinessCheckRow) => ({
  ...row,
  inputs: ZStoredReadinessInputs.parse(row.inputs),
  assessment: ZStoredReadinessAssessment.parse(row.assessment),
});
export type ReadinessCheckRecord = ReturnType<typeof toReadinessCheck>;

export async function createReadinessCheck(
  tx: Tx,
  c: {
    offerId: string;
    rung: LadderChannel;
    inputs: object;
    assessment: ReadinessAssessment;
    checkedBy: { id: string; email: string };
  },
): Promise<ReadinessCheckRecord> {
  const row = await tx.readinessCheck.create({
    data: {
      offerId: c.offerId,
      rung: c.rung,
      inputs: toJsonValue(c.inputs),
      assessment: toJsonValue(c.assessment),
      passed: c.assessment.passes,
      checkedById: c.checkedBy.id,
      checkedByEmail: c.checkedBy.email,
    },
  });
  return toReadinessCheck(row);
}

/** An offer's checks with their numbers, newest first. */
export async function listReadinessChecks(db: Tx, offerId: string): Promise<ReadinessCheckRecord[]> {
  const rows = await db.readinessCheck.findMany({ where: { offerId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toReadinessCheck);
}

/** Just the verdicts (offer, rung, passed) of the given offers' checks, newest first: what the gate looks at. */
export function readinessVerdicts(db: Tx, offerIds: string[]) {
  return db.readinessCheck.findMany({
    where: { offerId: { in: offerIds } },
    orderBy: { createdAt: 'desc' },
    select: { offerId: true, rung: true, passed: true },
  });
}
