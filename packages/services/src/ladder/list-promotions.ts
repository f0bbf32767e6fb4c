import { type Db, listPromotionRows, readinessVerdicts, readLadder } from '@uplift/db';
import { type PromotionStatus, readinessState, rungPolicy } from '@uplift/domain';

/**
 * Proposals, newest first, each with the state of the readiness gate before its target rung:
 * `not_needed`, `missing`, `failed` or `passed` (the latest check counts).
 */
export async function listPromotions(db: Db, workspaceId: string, status?: PromotionStatus) {
  const [rows, { policies }] = await Promise.all([
    listPromotionRows(db, workspaceId, status),
    readLadder(db, workspaceId),
  ]);
  const checks = await readinessVerdicts(
    db,
    rows.map((r) => r.offerId),
  );
  return rows.map((p) => {
    const gated = rungPolicy({ policies }, p.toRung).readinessGate;
    const offerChecks = checks.filter((c) => c.offerId === p.offerId);
    return { ...p, readiness: readinessState({ kind: p.kind, toRung: p.toRung, gated }, offerChecks) };
  });
}
