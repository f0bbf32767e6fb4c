import { type ApprovedRoi, type RoiToCompare, roiToCompare, ZApprovedRoi } from '@uplift/domain';
import type { Tx } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { toJsonValue } from '../json';

/** The columns `toRoiToCompare` reads: select them wherever a hypothesis' estimate to compare with is needed. */
export const ROI_COLUMNS = {
  id: true,
  reachPerMonth: true,
  baselineRate: true,
  expectedLift: true,
  valuePerConversion: true,
  confidence: true,
  cost: true,
  horizonMonths: true,
  expectedMonthlyGain: true,
  roi: true,
  approvedInputs: true,
  approvedAt: true,
} as const;

/** The frozen column read into the domain type; a value that does not parse is a corrupt row, named. */
export function parseApprovedInputs(row: { id: string; approvedInputs: Prisma.JsonValue | null }): ApprovedRoi | null {
  if (row.approvedInputs === null) return null;
  const parsed = ZApprovedRoi.safeParse(row.approvedInputs);
  if (!parsed.success) {
    throw new Error(`Hypothesis ${row.id} holds an unreadable approvedInputs column: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Freezes the ROI a hypothesis is approved on; call in the approval's transaction, after the status moved. */
export async function recordApprovedRoi(tx: Tx, id: string, inputs: ApprovedRoi, at: Date) {
  await tx.hypothesis.update({ where: { id }, data: { approvedInputs: toJsonValue(inputs), approvedAt: at } });
}

type RoiRow = Prisma.HypothesisGetPayload<{ select: typeof ROI_COLUMNS }>;

/** A row's estimate to compare a result with: frozen at approval, else today's, flagged (see roiToCompare). */
export function toRoiToCompare(row: RoiRow): RoiToCompare {
  const frozen = parseApprovedInputs(row);
  return roiToCompare(row, frozen && row.approvedAt ? { inputs: frozen, approvedAt: row.approvedAt } : null);
}

/** The estimates to compare with for some hypotheses of a workspace, by id (for completed experiments' results). */
export async function findRoisToCompare(
  db: Tx,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, RoiToCompare>> {
  const rows = await db.hypothesis.findMany({ where: { workspaceId, id: { in: ids } }, select: ROI_COLUMNS });
  return new Map(rows.map((row) => [row.id, toRoiToCompare(row)]));
}
